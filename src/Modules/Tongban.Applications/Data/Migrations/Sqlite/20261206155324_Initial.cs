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
                    station_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    deferred = table.Column<string>(type: "TEXT", nullable: false),
                    awaiting_deferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    stops = table.Column<string>(type: "TEXT", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_sort = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    legal_notice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    decision_opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    delivery = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    tracking_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    concluded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    trips = table.Column<string>(type: "TEXT", nullable: false),
                    hall_ticket_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    history = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    queue = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    bundle_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    bundle_key = table.Column<Guid>(type: "TEXT", nullable: true),
                    bundle_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "app_deferred_reminders",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    material_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_deferred_reminders", x => new { x.case_id, x.material_key, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "app_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    applicant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    bundle_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
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

            migrationBuilder.CreateTable(
                name: "app_home_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    resident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    station_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    preferred_times = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    assigned_to = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    assigned_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: true),
                    visited_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    visited_at = table.Column<long>(type: "INTEGER", nullable: true),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    decline_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_home_visits", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "app_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    station_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    applicant_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    place_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
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

            migrationBuilder.CreateTable(
                name: "app_supervision_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    station_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    requirement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    answer_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_supervision_orders", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_applicant_id_submitted_at_number",
                table: "app_cases",
                columns: new[] { "applicant_id", "submitted_at", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_awaiting_deferred",
                table: "app_cases",
                column: "awaiting_deferred");

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_department_credit_code_queue_due_sort_number",
                table: "app_cases",
                columns: new[] { "department_credit_code", "queue", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_department_credit_code_status_due_sort_number",
                table: "app_cases",
                columns: new[] { "department_credit_code", "status", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_hall_ticket_id",
                table: "app_cases",
                column: "hall_ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_item_code_due_sort_number",
                table: "app_cases",
                columns: new[] { "item_code", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_item_code_queue_due_sort_number",
                table: "app_cases",
                columns: new[] { "item_code", "queue", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_number",
                table: "app_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_queue_due_sort_number",
                table: "app_cases",
                columns: new[] { "queue", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_station_key_due_sort_number",
                table: "app_cases",
                columns: new[] { "station_key", "due_sort", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_status_due_sort_number",
                table: "app_cases",
                columns: new[] { "status", "due_sort", "number" });

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
                name: "ix_app_fact_previews_applicant_id_read_at",
                table: "app_fact_previews",
                columns: new[] { "applicant_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_app_fact_previews_holder_material_key",
                table: "app_fact_previews",
                columns: new[] { "holder", "material_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_home_visits_case_number",
                table: "app_home_visits",
                column: "case_number");

            migrationBuilder.CreateIndex(
                name: "ix_app_home_visits_department_credit_code_state",
                table: "app_home_visits",
                columns: new[] { "department_credit_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_app_home_visits_requested_by",
                table: "app_home_visits",
                column: "requested_by");

            migrationBuilder.CreateIndex(
                name: "ix_app_home_visits_resident_id",
                table: "app_home_visits",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_home_visits_station_key",
                table: "app_home_visits",
                column: "station_key");

            migrationBuilder.CreateIndex(
                name: "ix_app_outbox_messages_status_next_attempt_at",
                table: "app_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_app_ratings_case_id",
                table: "app_ratings",
                column: "case_id",
                unique: true,
                filter: "ticket_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_app_ratings_case_id_ticket_id",
                table: "app_ratings",
                columns: new[] { "case_id", "ticket_id" });

            migrationBuilder.CreateIndex(
                name: "ix_app_ratings_department_credit_code_rectification_rectification_due_on",
                table: "app_ratings",
                columns: new[] { "department_credit_code", "rectification", "rectification_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_app_ratings_station_key",
                table: "app_ratings",
                column: "station_key");

            migrationBuilder.CreateIndex(
                name: "ix_app_ratings_ticket_id",
                table: "app_ratings",
                column: "ticket_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_supervision_orders_case_id",
                table: "app_supervision_orders",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_supervision_orders_department_credit_code_answer_by",
                table: "app_supervision_orders",
                columns: new[] { "department_credit_code", "answer_by" });

            migrationBuilder.CreateIndex(
                name: "ix_app_supervision_orders_station_key",
                table: "app_supervision_orders",
                column: "station_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_case_sequences");

            migrationBuilder.DropTable(
                name: "app_cases");

            migrationBuilder.DropTable(
                name: "app_deferred_reminders");

            migrationBuilder.DropTable(
                name: "app_drafts");

            migrationBuilder.DropTable(
                name: "app_fact_previews");

            migrationBuilder.DropTable(
                name: "app_home_visits");

            migrationBuilder.DropTable(
                name: "app_outbox_messages");

            migrationBuilder.DropTable(
                name: "app_ratings");

            migrationBuilder.DropTable(
                name: "app_supervision_orders");
        }
    }
}
