using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Registries.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalRepresentativeIdNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "legal_representative_id_number",
                table: "reg_legal_entities",
                type: "TEXT",
                maxLength: 18,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "legal_representative_id_number",
                table: "reg_legal_entities");
        }
    }
}
