using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Identity.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "phone_number",
                table: "idn_accounts",
                type: "character varying(140)",
                maxLength: 140,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "idn_accounts",
                type: "character varying(140)",
                maxLength: 140,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<string>(
                name: "id_number_index",
                table: "idn_accounts",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_number_index",
                table: "idn_accounts",
                type: "character varying(24)",
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

            migrationBuilder.AlterColumn<string>(
                name: "phone_number",
                table: "idn_accounts",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(140)",
                oldMaxLength: 140,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "idn_accounts",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(140)",
                oldMaxLength: 140);

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
