using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongban.Registries.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reg_access_counts",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    resource = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    calls = table.Column<long>(type: "bigint", nullable: false),
                    records = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_access_counts", x => new { x.day, x.department, x.resource });
                });

            migrationBuilder.CreateTable(
                name: "reg_access_log",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    caller_department = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    on_behalf_of = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    resource = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    registry = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    result_count = table.Column<int>(type: "integer", nullable: false),
                    elapsed_microseconds = table.Column<int>(type: "integer", nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_access_log", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "reg_access_log_heads",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_access_log_heads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_credit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject_code = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    list = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    source_department = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    listed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    subject_code_index = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    updated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_credit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_department_facts",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    chinese = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    english = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    resource = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    items = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_department_facts", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "reg_geo_features",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    geometry = table.Column<string>(type: "text", nullable: false),
                    updated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_geo_features", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_import_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registry = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    lines_done = table.Column<long>(type: "bigint", nullable: false),
                    added = table.Column<long>(type: "bigint", nullable: false),
                    changed = table.Column<long>(type: "bigint", nullable: false),
                    unchanged = table.Column<long>(type: "bigint", nullable: false),
                    rejected = table.Column<long>(type: "bigint", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_import_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_legal_entities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    legal_representative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    legal_representative_id_number = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    established_on = table.Column<DateOnly>(type: "date", nullable: false),
                    business_scope = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    legal_representative_id_number_index = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    updated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_legal_entities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_outbox_messages",
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
                    table.PrimaryKey("pk_reg_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_persons",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id_number = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sex = table.Column<int>(type: "integer", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    ethnicity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    household_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    relation_to_head = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    marital_status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    id_number_index = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    updated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_secrets",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_secrets", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reg_access_log_subject_hash",
                table: "reg_access_log",
                column: "subject_hash");

            migrationBuilder.CreateIndex(
                name: "ix_reg_credit_entries_entry_number_valid_from",
                table: "reg_credit_entries",
                columns: new[] { "entry_number", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reg_credit_entries_subject_code_index",
                table: "reg_credit_entries",
                column: "subject_code_index");

            migrationBuilder.CreateIndex(
                name: "ix_reg_geo_features_code_valid_from",
                table: "reg_geo_features",
                columns: new[] { "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reg_geo_features_division_code",
                table: "reg_geo_features",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_reg_import_runs_registry_fingerprint",
                table: "reg_import_runs",
                columns: new[] { "registry", "fingerprint" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_legal_entities_credit_code_valid_from",
                table: "reg_legal_entities",
                columns: new[] { "credit_code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reg_legal_entities_legal_representative_id_number_index",
                table: "reg_legal_entities",
                column: "legal_representative_id_number_index");

            migrationBuilder.CreateIndex(
                name: "ix_reg_outbox_messages_status_next_attempt_at",
                table: "reg_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reg_persons_household_number",
                table: "reg_persons",
                column: "household_number");

            migrationBuilder.CreateIndex(
                name: "ix_reg_persons_id_number_index_valid_from",
                table: "reg_persons",
                columns: new[] { "id_number_index", "valid_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reg_access_counts");

            migrationBuilder.DropTable(
                name: "reg_access_log");

            migrationBuilder.DropTable(
                name: "reg_access_log_heads");

            migrationBuilder.DropTable(
                name: "reg_credit_entries");

            migrationBuilder.DropTable(
                name: "reg_department_facts");

            migrationBuilder.DropTable(
                name: "reg_geo_features");

            migrationBuilder.DropTable(
                name: "reg_import_runs");

            migrationBuilder.DropTable(
                name: "reg_legal_entities");

            migrationBuilder.DropTable(
                name: "reg_outbox_messages");

            migrationBuilder.DropTable(
                name: "reg_persons");

            migrationBuilder.DropTable(
                name: "reg_secrets");
        }
    }
}
