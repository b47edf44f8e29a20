using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "kernel_audit_heads",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_audit_heads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "kernel_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_outbox_messages",
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
                    table.PrimaryKey("pk_kernel_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_source_message_id",
                table: "kernel_audit_entries",
                column: "source_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_subject_occurred_at",
                table: "kernel_audit_entries",
                columns: new[] { "subject", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_outbox_messages_status_next_attempt_at",
                table: "kernel_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_audit_entries");

            migrationBuilder.DropTable(
                name: "kernel_audit_heads");

            migrationBuilder.DropTable(
                name: "kernel_calendar_days");

            migrationBuilder.DropTable(
                name: "kernel_data_protection_keys");

            migrationBuilder.DropTable(
                name: "kernel_outbox_messages");
        }
    }
}
