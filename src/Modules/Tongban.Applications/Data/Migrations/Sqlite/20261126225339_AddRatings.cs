using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    applicant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    indicators = table.Column<string>(type: "TEXT", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    rated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    rectification = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    rectification_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    call_backs = table.Column<string>(type: "TEXT", nullable: false),
                    report = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    reported_at = table.Column<long>(type: "INTEGER", nullable: true),
                    appeal_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    appealed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    appeal_upheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    appeal_opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    appeal_decided_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_ratings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_app_ratings_case_id",
                table: "app_ratings",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_ratings_department_credit_code_rectification_rectification_due_on",
                table: "app_ratings",
                columns: new[] { "department_credit_code", "rectification", "rectification_due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_ratings");
        }
    }
}
