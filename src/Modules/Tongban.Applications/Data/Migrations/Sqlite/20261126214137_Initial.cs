using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_case_sequences",
                columns: table => new
                {
                    division = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    last_number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_case_sequences", x => new { x.division, x.day });
                });

            migrationBuilder.CreateTable(
                name: "app_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    submission_key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    item_version = table.Column<int>(type: "INTEGER", nullable: false),
                    department_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    limit_days = table.Column<int>(type: "INTEGER", nullable: false),
                    promised_trips = table.Column<int>(type: "INTEGER", nullable: false),
                    materials = table.Column<string>(type: "TEXT", nullable: false),
                    steps = table.Column<string>(type: "TEXT", nullable: false),
                    applicant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    applicant_masked_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    form = table.Column<string>(type: "TEXT", nullable: false),
                    provided = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    step_index = table.Column<int>(type: "INTEGER", nullable: false),
                    corrections = table.Column<string>(type: "TEXT", nullable: false),
                    deferred = table.Column<string>(type: "TEXT", nullable: false),
                    stops = table.Column<string>(type: "TEXT", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    legal_notice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    decision_opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    delivery = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    tracking_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    concluded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    trips = table.Column<string>(type: "TEXT", nullable: false),
                    history = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    queue = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "app_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    applicant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    form = table.Column<string>(type: "TEXT", nullable: false),
                    materials = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "app_outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lock_token = table.Column<Guid>(type: "TEXT", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_applicant_id_submitted_at",
                table: "app_cases",
                columns: new[] { "applicant_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_number",
                table: "app_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_queue_department_credit_code_due_on",
                table: "app_cases",
                columns: new[] { "queue", "department_credit_code", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_status_due_on",
                table: "app_cases",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_submission_key",
                table: "app_cases",
                column: "submission_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_drafts_applicant_id_updated_at",
                table: "app_drafts",
                columns: new[] { "applicant_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_app_outbox_messages_status_next_attempt_at",
                table: "app_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_case_sequences");

            migrationBuilder.DropTable(
                name: "app_cases");

            migrationBuilder.DropTable(
                name: "app_drafts");

            migrationBuilder.DropTable(
                name: "app_outbox_messages");
        }
    }
}
