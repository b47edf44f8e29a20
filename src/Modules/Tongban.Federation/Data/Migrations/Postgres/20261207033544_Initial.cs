using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongban.Federation.Data.Migrations.Postgres
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
                    implementation_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason_zh = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reason_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_catalog_entries", x => x.implementation_code);
                });

            migrationBuilder.CreateTable(
                name: "fed_catalog_pulls",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cursor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    changed_up_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    added = table.Column<int>(type: "integer", nullable: false),
                    changed = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    refused = table.Column<int>(type: "integer", nullable: false),
                    sent_to_review = table.Column<int>(type: "integer", nullable: false),
                    failure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_catalog_pulls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_exchanges",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    city = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    batch_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    records = table.Column<int>(type: "integer", nullable: false),
                    held = table.Column<int>(type: "integer", nullable: false),
                    backlog = table.Column<int>(type: "integer", nullable: false),
                    refusal = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    matched = table.Column<bool>(type: "boolean", nullable: false),
                    resent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_exchanges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_outbox_messages",
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
                    table.PrimaryKey("pk_fed_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_outgoing",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    item_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    payload = table.Column<string>(type: "text", nullable: false),
                    sent = table.Column<bool>(type: "boolean", nullable: false),
                    staged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_outgoing", x => new { x.kind, x.key });
                });

            migrationBuilder.CreateTable(
                name: "fed_records",
                columns: table => new
                {
                    city = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    item_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    payload = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    held_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
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
