using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Halls.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hl_agency_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    project_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    items = table.Column<string>(type: "text", nullable: false),
                    phone = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agent_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    authorisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    assigned_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    answerable_department = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    rating_comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    phone_index = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_agency_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    booked_by = table.Column<Guid>(type: "uuid", nullable: true),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    from = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    to = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seat = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ticket_number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_appointments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    letter = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name_en = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    windows = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_desks",
                columns: table => new
                {
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    window = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_desks", x => new { x.hall_id, x.window });
                });

            migrationBuilder.CreateTable(
                name: "hl_outbox_messages",
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
                    table.PrimaryKey("pk_hl_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_ratings",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    window = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    department_credit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    indicators = table.Column<string>(type: "text", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_ratings", x => x.ticket_id);
                });

            migrationBuilder.CreateTable(
                name: "hl_sequences",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_sequences", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "hl_tablets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    window = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    code_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    offered_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_tablets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    priority = table.Column<bool>(type: "boolean", nullable: false),
                    for_window = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    window = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    first_called_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    called_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    calls = table.Column<int>(type: "integer", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    called_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    reminder_phone = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: true),
                    reminder_phone_index = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_tickets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hl_agency_requests_hall_id_state_requested_at",
                table: "hl_agency_requests",
                columns: new[] { "hall_id", "state", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_agency_requests_requester_id_requested_at",
                table: "hl_agency_requests",
                columns: new[] { "requester_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_appointments_booked_by",
                table: "hl_appointments",
                column: "booked_by");

            migrationBuilder.CreateIndex(
                name: "ix_hl_appointments_code",
                table: "hl_appointments",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hl_appointments_hall_id_category_id_day_from_seat",
                table: "hl_appointments",
                columns: new[] { "hall_id", "category_id", "day", "from", "seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hl_appointments_hall_id_day",
                table: "hl_appointments",
                columns: new[] { "hall_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_appointments_holder_id_status_ends_at",
                table: "hl_appointments",
                columns: new[] { "holder_id", "status", "ends_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_categories_hall_id_letter",
                table: "hl_categories",
                columns: new[] { "hall_id", "letter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hl_outbox_messages_status_next_attempt_at",
                table: "hl_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_ratings_hall_id_rated_at",
                table: "hl_ratings",
                columns: new[] { "hall_id", "rated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_tablets_hall_id_window",
                table: "hl_tablets",
                columns: new[] { "hall_id", "window" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_tablets_token_hash",
                table: "hl_tablets",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hl_tickets_hall_id_day_category_id_status_issued_at",
                table: "hl_tickets",
                columns: new[] { "hall_id", "day", "category_id", "status", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_tickets_hall_id_day_number",
                table: "hl_tickets",
                columns: new[] { "hall_id", "day", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hl_tickets_hall_id_day_status_issued_at",
                table: "hl_tickets",
                columns: new[] { "hall_id", "day", "status", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hl_tickets_reminder_phone_index_hall_id_day",
                table: "hl_tickets",
                columns: new[] { "reminder_phone_index", "hall_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hl_agency_requests");

            migrationBuilder.DropTable(
                name: "hl_appointments");

            migrationBuilder.DropTable(
                name: "hl_categories");

            migrationBuilder.DropTable(
                name: "hl_desks");

            migrationBuilder.DropTable(
                name: "hl_outbox_messages");

            migrationBuilder.DropTable(
                name: "hl_ratings");

            migrationBuilder.DropTable(
                name: "hl_sequences");

            migrationBuilder.DropTable(
                name: "hl_tablets");

            migrationBuilder.DropTable(
                name: "hl_tickets");
        }
    }
}
