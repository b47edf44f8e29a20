using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FactPreviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_app_cases_applicant_id_submitted_at",
                table: "app_cases");

            migrationBuilder.CreateTable(
                name: "app_fact_previews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    applicant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    material_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_fact_previews", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_applicant_id_submitted_at_number",
                table: "app_cases",
                columns: new[] { "applicant_id", "submitted_at", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_fact_previews_applicant_id_read_at",
                table: "app_fact_previews",
                columns: new[] { "applicant_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_app_fact_previews_holder_material_key",
                table: "app_fact_previews",
                columns: new[] { "holder", "material_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_fact_previews");

            migrationBuilder.DropIndex(
                name: "ix_app_cases_applicant_id_submitted_at_number",
                table: "app_cases");

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_applicant_id_submitted_at",
                table: "app_cases",
                columns: new[] { "applicant_id", "submitted_at" });
        }
    }
}
