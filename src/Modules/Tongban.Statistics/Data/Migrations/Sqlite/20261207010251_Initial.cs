using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Statistics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "st_applied",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_st_applied", x => x.message_id);
                });

            migrationBuilder.CreateTable(
                name: "st_cases",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refused_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    corrections = table.Column<int>(type: "INTEGER", nullable: false),
                    withdrawn_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    deferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    trips = table.Column<int>(type: "INTEGER", nullable: true),
                    promised_trips = table.Column<int>(type: "INTEGER", nullable: true),
                    materials_provided = table.Column<int>(type: "INTEGER", nullable: true),
                    materials_reused = table.Column<int>(type: "INTEGER", nullable: true),
                    working_days = table.Column<int>(type: "INTEGER", nullable: true),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    rating_level = table.Column<int>(type: "INTEGER", nullable: true),
                    rated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectification_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    appealed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    appeal_upheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_st_cases", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "st_daily",
                columns: table => new
                {
                    department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    figures_accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_accepted_deferred = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_appeals = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_appeals_upheld = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_concluded = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_concluded_late = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_concluded_on_time = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_concluded_with_due = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_corrections = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_materials_provided = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_materials_reused = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_rated = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_rated_bad = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_received = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_rectified = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_rectified_on_time = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_refused = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_trips_counted = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_trips_over_promise = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_trips_sum = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_withdrawn = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_working_days_count = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_working_days_sum = table.Column<long>(type: "INTEGER", nullable: false),
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_st_daily", x => new { x.day, x.department_code, x.division_code, x.item_code, x.channel });
                });

            migrationBuilder.CreateTable(
                name: "st_monthly",
                columns: table => new
                {
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    figures_accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_accepted_deferred = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_appeals = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_appeals_upheld = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_concluded = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_concluded_late = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_concluded_on_time = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_concluded_with_due = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_corrections = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_materials_provided = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_materials_reused = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_rated = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_rated_bad = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_received = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_rectified = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_rectified_on_time = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_refused = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_trips_counted = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_trips_over_promise = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_trips_sum = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_withdrawn = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_working_days_count = table.Column<long>(type: "INTEGER", nullable: false),
                    figures_working_days_sum = table.Column<long>(type: "INTEGER", nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_st_monthly", x => new { x.month, x.department_code, x.division_code, x.item_code, x.channel });
                });

            migrationBuilder.CreateTable(
                name: "st_onsite_ratings",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    rating_level = table.Column<int>(type: "INTEGER", nullable: true),
                    rated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectification_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    appealed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    appeal_upheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_st_onsite_ratings", x => x.ticket_id);
                });

            migrationBuilder.CreateTable(
                name: "st_published_months",
                columns: table => new
                {
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    rows = table.Column<string>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_st_published_months", x => x.month);
                });

            migrationBuilder.CreateIndex(
                name: "ix_st_cases_concluded_on",
                table: "st_cases",
                column: "concluded_on");

            migrationBuilder.CreateIndex(
                name: "ix_st_cases_department_code_concluded_on",
                table: "st_cases",
                columns: new[] { "department_code", "concluded_on" });

            migrationBuilder.CreateIndex(
                name: "ix_st_cases_department_code_received_on",
                table: "st_cases",
                columns: new[] { "department_code", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_st_cases_division_code_received_on",
                table: "st_cases",
                columns: new[] { "division_code", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_st_cases_received_on",
                table: "st_cases",
                column: "received_on");

            migrationBuilder.CreateIndex(
                name: "ix_st_daily_department_code_day",
                table: "st_daily",
                columns: new[] { "department_code", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_st_daily_division_code_day",
                table: "st_daily",
                columns: new[] { "division_code", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_st_daily_month_department_code",
                table: "st_daily",
                columns: new[] { "month", "department_code" });

            migrationBuilder.CreateIndex(
                name: "ix_st_monthly_department_code_month",
                table: "st_monthly",
                columns: new[] { "department_code", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_st_monthly_division_code_month",
                table: "st_monthly",
                columns: new[] { "division_code", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_st_onsite_ratings_rated_on",
                table: "st_onsite_ratings",
                column: "rated_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "st_applied");

            migrationBuilder.DropTable(
                name: "st_cases");

            migrationBuilder.DropTable(
                name: "st_daily");

            migrationBuilder.DropTable(
                name: "st_monthly");

            migrationBuilder.DropTable(
                name: "st_onsite_ratings");

            migrationBuilder.DropTable(
                name: "st_published_months");
        }
    }
}
