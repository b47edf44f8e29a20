using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongban.Catalog.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cat_bundles",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    subjects = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: true),
                    basic_codes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_bundles", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "cat_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    implementation_code = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    status_reason = table.Column<string>(type: "text", nullable: true),
                    abolished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cat_listings",
                columns: table => new
                {
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    basic_code = table.Column<string>(type: "text", nullable: false),
                    implementation_code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: true),
                    type = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "text", nullable: false),
                    department_credit_code = table.Column<string>(type: "text", nullable: false),
                    department_name = table.Column<string>(type: "text", nullable: false),
                    subjects = table.Column<int>(type: "integer", nullable: false),
                    themes = table.Column<string>(type: "text", nullable: false),
                    life_events = table.Column<string>(type: "text", nullable: false),
                    statutory_limit = table.Column<int>(type: "integer", nullable: true),
                    promised_limit = table.Column<int>(type: "integer", nullable: false),
                    trips = table.Column<int>(type: "integer", nullable: false),
                    online_depth = table.Column<int>(type: "integer", nullable: false),
                    real_name_level = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    status_reason = table.Column<string>(type: "text", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_listings", x => x.item_id);
                });

            migrationBuilder.CreateTable(
                name: "cat_outbox_messages",
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
                    table.PrimaryKey("pk_cat_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cat_synonyms",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    terms = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_synonyms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cat_item_versions",
                columns: table => new
                {
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    elements = table.Column<string>(type: "text", nullable: false),
                    edited_by = table.Column<string>(type: "text", nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by = table.Column<string>(type: "text", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "text", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opinion = table.Column<string>(type: "text", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_item_versions", x => new { x.item_id, x.number });
                    table.ForeignKey(
                        name: "fk_cat_item_versions_items_item_id",
                        column: x => x.item_id,
                        principalTable: "cat_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cat_items_basic_code",
                table: "cat_items",
                column: "basic_code");

            migrationBuilder.CreateIndex(
                name: "ix_cat_items_implementation_code",
                table: "cat_items",
                column: "implementation_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cat_listings_department_credit_code",
                table: "cat_listings",
                column: "department_credit_code");

            migrationBuilder.CreateIndex(
                name: "ix_cat_listings_status_name",
                table: "cat_listings",
                columns: new[] { "status", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_cat_outbox_messages_status_next_attempt_at",
                table: "cat_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cat_bundles");

            migrationBuilder.DropTable(
                name: "cat_item_versions");

            migrationBuilder.DropTable(
                name: "cat_listings");

            migrationBuilder.DropTable(
                name: "cat_outbox_messages");

            migrationBuilder.DropTable(
                name: "cat_synonyms");

            migrationBuilder.DropTable(
                name: "cat_items");
        }
    }
}
