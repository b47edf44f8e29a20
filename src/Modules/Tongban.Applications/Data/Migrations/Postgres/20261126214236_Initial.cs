using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Postgres
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
                    division = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_case_sequences", x => new { x.division, x.day });
                });

            migrationBuilder.CreateTable(
                name: "app_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    submission_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    item_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item_version = table.Column<int>(type: "integer", nullable: false),
                    department_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    limit_days = table.Column<int>(type: "integer", nullable: false),
                    promised_trips = table.Column<int>(type: "integer", nullable: false),
                    materials = table.Column<string>(type: "text", nullable: false),
                    steps = table.Column<string>(type: "text", nullable: false),
                    applicant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applicant_masked_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    form = table.Column<string>(type: "text", nullable: false),
                    provided = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    step_index = table.Column<int>(type: "integer", nullable: false),
                    corrections = table.Column<string>(type: "text", nullable: false),
                    deferred = table.Column<string>(type: "text", nullable: false),
                    stops = table.Column<string>(type: "text", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    legal_notice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    decision_opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    delivery = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    tracking_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    concluded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    trips = table.Column<string>(type: "text", nullable: false),
                    history = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    queue = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "app_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    form = table.Column<string>(type: "text", nullable: false),
                    materials = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    case_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "app_outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lock_token = table.Column<Guid>(type: "uuid", nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
