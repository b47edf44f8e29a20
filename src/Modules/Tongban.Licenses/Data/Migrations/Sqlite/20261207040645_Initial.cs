using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Licenses.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lic_case_issues",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    issuer_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    reason_zh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reason_en = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_case_issues", x => new { x.case_id, x.type_code });
                });

            migrationBuilder.CreateTable(
                name: "lic_import_rejections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line = table.Column<long>(type: "INTEGER", nullable: false),
                    type_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    issuer_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    record_json = table.Column<string>(type: "TEXT", nullable: false),
                    reasons_json = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reasons_json_index = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    record_json_index = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_import_rejections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lic_import_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    lines_done = table.Column<long>(type: "INTEGER", nullable: false),
                    imported = table.Column<long>(type: "INTEGER", nullable: false),
                    rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_import_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lic_licenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    type_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    type_version = table.Column<int>(type: "INTEGER", nullable: false),
                    serial = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    issuer_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    holder_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    holder_code = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    holder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    source_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    previous_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    next_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    signed_json = table.Column<string>(type: "TEXT", nullable: false),
                    signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    status_index = table.Column<int>(type: "INTEGER", nullable: false),
                    history = table.Column<string>(type: "TEXT", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    holder_code_index = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    signed_json_index = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_licenses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lic_outbox_messages",
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
                    table.PrimaryKey("pk_lic_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lic_seal_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    authority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    algorithm = table.Column<int>(type: "INTEGER", nullable: false),
                    public_key = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sealed_private_key = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sealed_with = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    retired_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_seal_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lic_sequences",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_sequences", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "lic_shares",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    license_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    views = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_shares", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lic_status_lists",
                columns: table => new
                {
                    issuer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false),
                    credential = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_status_lists", x => new { x.issuer, x.purpose });
                });

            migrationBuilder.CreateTable(
                name: "lic_types",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 21, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_types", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lic_uses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    license_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    who = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_uses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lic_type_versions",
                columns: table => new
                {
                    type_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    definition = table.Column<string>(type: "TEXT", nullable: false),
                    edited_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    edited_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lic_type_versions", x => new { x.type_id, x.number });
                    table.ForeignKey(
                        name: "fk_lic_type_versions_lic_types_type_id",
                        column: x => x.type_id,
                        principalTable: "lic_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lic_case_issues_at",
                table: "lic_case_issues",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_lic_import_rejections_run_id_line",
                table: "lic_import_rejections",
                columns: new[] { "run_id", "line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lic_import_rejections_state_type_code_issuer_code",
                table: "lic_import_rejections",
                columns: new[] { "state", "type_code", "issuer_code" });

            migrationBuilder.CreateIndex(
                name: "ix_lic_import_runs_fingerprint_state",
                table: "lic_import_runs",
                columns: new[] { "fingerprint", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_lic_licenses_holder_code_index_type_code",
                table: "lic_licenses",
                columns: new[] { "holder_code_index", "type_code" });

            migrationBuilder.CreateIndex(
                name: "ix_lic_licenses_identifier",
                table: "lic_licenses",
                column: "identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lic_licenses_issued_at_issuer_code_source",
                table: "lic_licenses",
                columns: new[] { "issued_at", "issuer_code", "source" });

            migrationBuilder.CreateIndex(
                name: "ix_lic_licenses_issuer_code_issued_at",
                table: "lic_licenses",
                columns: new[] { "issuer_code", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_lic_licenses_issuer_code_status_index",
                table: "lic_licenses",
                columns: new[] { "issuer_code", "status_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lic_licenses_source_key",
                table: "lic_licenses",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lic_licenses_type_code_issuer_code_number",
                table: "lic_licenses",
                columns: new[] { "type_code", "issuer_code", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_lic_outbox_messages_status_next_attempt_at",
                table: "lic_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_lic_seal_keys_authority_purpose",
                table: "lic_seal_keys",
                columns: new[] { "authority", "purpose" },
                unique: true,
                filter: "retired_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_lic_shares_license_id",
                table: "lic_shares",
                column: "license_id");

            migrationBuilder.CreateIndex(
                name: "ix_lic_shares_token_hash",
                table: "lic_shares",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lic_types_code",
                table: "lic_types",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lic_uses_kind_at",
                table: "lic_uses",
                columns: new[] { "kind", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_lic_uses_license_id_at",
                table: "lic_uses",
                columns: new[] { "license_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lic_case_issues");

            migrationBuilder.DropTable(
                name: "lic_import_rejections");

            migrationBuilder.DropTable(
                name: "lic_import_runs");

            migrationBuilder.DropTable(
                name: "lic_licenses");

            migrationBuilder.DropTable(
                name: "lic_outbox_messages");

            migrationBuilder.DropTable(
                name: "lic_seal_keys");

            migrationBuilder.DropTable(
                name: "lic_sequences");

            migrationBuilder.DropTable(
                name: "lic_shares");

            migrationBuilder.DropTable(
                name: "lic_status_lists");

            migrationBuilder.DropTable(
                name: "lic_type_versions");

            migrationBuilder.DropTable(
                name: "lic_uses");

            migrationBuilder.DropTable(
                name: "lic_types");
        }
    }
}
