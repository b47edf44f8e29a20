using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Federation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fed_catalog_entries",
                columns: table => new
                {
                    implementation_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason_zh = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reason_en = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_catalog_entries", x => x.implementation_code);
                });

            migrationBuilder.CreateTable(
                name: "fed_catalog_pulls",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    cursor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    changed_up_to = table.Column<long>(type: "INTEGER", nullable: true),
                    added = table.Column<int>(type: "INTEGER", nullable: false),
                    changed = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    refused = table.Column<int>(type: "INTEGER", nullable: false),
                    sent_to_review = table.Column<int>(type: "INTEGER", nullable: false),
                    failure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_catalog_pulls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_exchanges",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    city = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    batch_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    records = table.Column<int>(type: "INTEGER", nullable: false),
                    held = table.Column<int>(type: "INTEGER", nullable: false),
                    backlog = table.Column<int>(type: "INTEGER", nullable: false),
                    refusal = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    matched = table.Column<bool>(type: "INTEGER", nullable: false),
                    resent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_exchanges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_outbox_messages",
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
                    table.PrimaryKey("pk_fed_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_outgoing",
                columns: table => new
                {
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    sent = table.Column<bool>(type: "INTEGER", nullable: false),
                    staged_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_outgoing", x => new { x.kind, x.key });
                });

            migrationBuilder.CreateTable(
                name: "fed_records",
                columns: table => new
                {
                    city = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    held_reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_records", x => new { x.city, x.kind, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_fed_catalog_entries_outcome",
                table: "fed_catalog_entries",
                column: "outcome");

            migrationBuilder.CreateIndex(
                name: "ix_fed_exchanges_city_type_at",
                table: "fed_exchanges",
                columns: new[] { "city", "type", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_fed_outbox_messages_status_next_attempt_at",
                table: "fed_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_fed_outgoing_kind_day",
                table: "fed_outgoing",
                columns: new[] { "kind", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_fed_outgoing_next_attempt_at",
                table: "fed_outgoing",
                column: "next_attempt_at",
                filter: "NOT sent");

            migrationBuilder.CreateIndex(
                name: "ix_fed_outgoing_sent_at",
                table: "fed_outgoing",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_fed_records_city_kind_day",
                table: "fed_records",
                columns: new[] { "city", "kind", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fed_catalog_entries");

            migrationBuilder.DropTable(
                name: "fed_catalog_pulls");

            migrationBuilder.DropTable(
                name: "fed_exchanges");

            migrationBuilder.DropTable(
                name: "fed_outbox_messages");

            migrationBuilder.DropTable(
                name: "fed_outgoing");

            migrationBuilder.DropTable(
                name: "fed_records");
        }
    }
}
