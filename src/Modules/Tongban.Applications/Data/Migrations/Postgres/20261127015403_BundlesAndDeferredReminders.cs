using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BundlesAndDeferredReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bundle_code",
                table: "app_drafts",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bundle_code",
                table: "app_cases",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "bundle_key",
                table: "app_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bundle_name",
                table: "app_cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "app_deferred_reminders",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    material_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_deferred_reminders", x => new { x.case_id, x.material_key, x.kind });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_deferred_reminders");

            migrationBuilder.DropColumn(
                name: "bundle_code",
                table: "app_drafts");

            migrationBuilder.DropColumn(
                name: "bundle_code",
                table: "app_cases");

            migrationBuilder.DropColumn(
                name: "bundle_key",
                table: "app_cases");

            migrationBuilder.DropColumn(
                name: "bundle_name",
                table: "app_cases");
        }
    }
}
