using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_idn_accounts_id_number",
                table: "idn_accounts");

            migrationBuilder.DropIndex(
                name: "ix_idn_accounts_phone_number",
                table: "idn_accounts");

            migrationBuilder.AddColumn<string>(
                name: "id_number_index",
                table: "idn_accounts",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_number_index",
                table: "idn_accounts",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_accounts_id_number_index",
                table: "idn_accounts",
                column: "id_number_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_accounts_phone_number_index",
                table: "idn_accounts",
                column: "phone_number_index",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_idn_accounts_id_number_index",
                table: "idn_accounts");

            migrationBuilder.DropIndex(
                name: "ix_idn_accounts_phone_number_index",
                table: "idn_accounts");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "idn_accounts");

            migrationBuilder.DropColumn(
                name: "phone_number_index",
                table: "idn_accounts");

            migrationBuilder.CreateIndex(
                name: "ix_idn_accounts_id_number",
                table: "idn_accounts",
                column: "id_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_accounts_phone_number",
                table: "idn_accounts",
                column: "phone_number",
                unique: true);
        }
    }
}
