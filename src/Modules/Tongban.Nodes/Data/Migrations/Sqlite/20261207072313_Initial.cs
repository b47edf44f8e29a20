using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Nodes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "nd_held_configurations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    signed = table.Column<string>(type: "TEXT", nullable: false),
                    fetched_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_held_configurations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nd_inbox",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sender = table.Column<string>(type: "TEXT", maxLength: 51, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    body_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    receipt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_inbox", x => x.message_id);
                });

            migrationBuilder.CreateTable(
                name: "nd_log_stamps",
                columns: table => new
                {
                    node = table.Column<string>(type: "TEXT", maxLength: 51, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    stamped_at = table.Column<long>(type: "INTEGER", nullable: false),
                    signed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_log_stamps", x => new { x.node, x.sequence });
                });

            migrationBuilder.CreateTable(
                name: "nd_message_log",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sender = table.Column<string>(type: "TEXT", maxLength: 51, nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 51, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    header = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_message_log", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "nd_message_log_heads",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_message_log_heads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nd_nodes",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 51, nullable: false),
                    member = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    public_key_pem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    tls_fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    key_expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    tls_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: true),
                    software_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    configuration_version = table.Column<long>(type: "INTEGER", nullable: true),
                    reported_problems = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_nodes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nd_operation_counts",
                columns: table => new
                {
                    node = table.Column<string>(type: "TEXT", maxLength: 51, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    side = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 70, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    calls = table.Column<long>(type: "INTEGER", nullable: false),
                    total_milliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    max_milliseconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_operation_counts", x => new { x.node, x.day, x.side, x.service, x.outcome });
                });

            migrationBuilder.CreateTable(
                name: "nd_outgoing_pushes",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 51, nullable: false),
                    recipient_member = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    service_version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", nullable: false),
                    on_behalf_of = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    subject_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    queued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true),
                    receipt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_outgoing_pushes", x => x.message_id);
                });

            migrationBuilder.CreateTable(
                name: "nd_published_versions",
                columns: table => new
                {
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    content_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_published_versions", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "nd_seen_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sender = table.Column<string>(type: "TEXT", maxLength: 51, nullable: false),
                    seen_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_seen_messages", x => x.message_id);
                });

            migrationBuilder.CreateTable(
                name: "nd_services",
                columns: table => new
                {
                    provider = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    resource = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    items = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nd_services", x => new { x.provider, x.code });
                });

            migrationBuilder.CreateIndex(
                name: "ix_nd_inbox_received_at",
                table: "nd_inbox",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_nd_message_log_message_id",
                table: "nd_message_log",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_nd_nodes_member",
                table: "nd_nodes",
                column: "member");

            migrationBuilder.CreateIndex(
                name: "ix_nd_operation_counts_day",
                table: "nd_operation_counts",
                column: "day");

            migrationBuilder.CreateIndex(
                name: "ix_nd_outgoing_pushes_state_next_attempt_at",
                table: "nd_outgoing_pushes",
                columns: new[] { "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_nd_seen_messages_seen_at",
                table: "nd_seen_messages",
                column: "seen_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nd_held_configurations");

            migrationBuilder.DropTable(
                name: "nd_inbox");

            migrationBuilder.DropTable(
                name: "nd_log_stamps");

            migrationBuilder.DropTable(
                name: "nd_message_log");

            migrationBuilder.DropTable(
                name: "nd_message_log_heads");

            migrationBuilder.DropTable(
                name: "nd_nodes");

            migrationBuilder.DropTable(
                name: "nd_operation_counts");

            migrationBuilder.DropTable(
                name: "nd_outgoing_pushes");

            migrationBuilder.DropTable(
                name: "nd_published_versions");

            migrationBuilder.DropTable(
                name: "nd_seen_messages");

            migrationBuilder.DropTable(
                name: "nd_services");
        }
    }
}
