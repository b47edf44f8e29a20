using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Halls.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requester_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    enterprise_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    project_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    items = table.Column<string>(type: "TEXT", nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    agent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    agent_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    authorisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: true),
                    assigned_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    answerable_department = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    rating = table.Column<int>(type: "INTEGER", nullable: true),
                    rating_comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    rated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    phone_index = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_agency_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    hall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    holder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    booked_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    from = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    to = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    seat = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    booked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    cancelled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    checked_in_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ticket_number = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    reminded_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_appointments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    letter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    windows = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_desks",
                columns: table => new
                {
                    hall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    window = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    opened_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_desks", x => new { x.hall_id, x.window });
                });

            migrationBuilder.CreateTable(
                name: "hl_outbox_messages",
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
                    table.PrimaryKey("pk_hl_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_ratings",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    window = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    department_credit_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    indicators = table.Column<string>(type: "TEXT", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    rated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_ratings", x => x.ticket_id);
                });

            migrationBuilder.CreateTable(
                name: "hl_sequences",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_sequences", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "hl_tablets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    window = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    code_expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    offered_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    offered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    paired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    retired_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hl_tablets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hl_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    priority = table.Column<bool>(type: "INTEGER", nullable: false),
                    for_window = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    window = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    first_called_at = table.Column<long>(type: "INTEGER", nullable: true),
                    called_at = table.Column<long>(type: "INTEGER", nullable: true),
                    calls = table.Column<int>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    called_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    reminder_phone = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    reminder_phone_index = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true)
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
