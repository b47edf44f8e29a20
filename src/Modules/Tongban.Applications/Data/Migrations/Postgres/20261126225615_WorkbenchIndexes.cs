using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkbenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_app_cases_queue_department_credit_code_due_on",
                table: "app_cases");

            migrationBuilder.DropIndex(
                name: "ix_app_cases_status_due_on",
                table: "app_cases");

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_sort",
                table: "app_cases",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Cases written before the column: most urgent first needs their due date (none yet: last).
            migrationBuilder.Sql("UPDATE app_cases SET due_sort = COALESCE(due_on, '9999-12-31')");

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_department_credit_code_queue_due_sort_number",
                table: "app_cases",
                columns: new[] { "department_credit_code", "queue", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_department_credit_code_status_due_sort_number",
                table: "app_cases",
                columns: new[] { "department_credit_code", "status", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_item_code_due_sort_number",
                table: "app_cases",
                columns: new[] { "item_code", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_queue_due_sort_number",
                table: "app_cases",
                columns: new[] { "queue", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_status_due_sort_number",
                table: "app_cases",
                columns: new[] { "status", "due_sort", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_app_cases_department_credit_code_queue_due_sort_number",
                table: "app_cases");

            migrationBuilder.DropIndex(
                name: "ix_app_cases_department_credit_code_status_due_sort_number",
                table: "app_cases");

            migrationBuilder.DropIndex(
                name: "ix_app_cases_item_code_due_sort_number",
                table: "app_cases");

            migrationBuilder.DropIndex(
                name: "ix_app_cases_queue_due_sort_number",
                table: "app_cases");

            migrationBuilder.DropIndex(
                name: "ix_app_cases_status_due_sort_number",
                table: "app_cases");

            migrationBuilder.DropColumn(
                name: "due_sort",
                table: "app_cases");

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_queue_department_credit_code_due_on",
                table: "app_cases",
                columns: new[] { "queue", "department_credit_code", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_status_due_on",
                table: "app_cases",
                columns: new[] { "status", "due_on" });
        }
    }
}
