using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Organization.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_departments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    phone = table.Column<string>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_departments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_divisions",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_divisions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "org_halls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "TEXT", nullable: false),
                    address_en = table.Column<string>(type: "TEXT", nullable: true),
                    bus_routes = table.Column<string>(type: "TEXT", nullable: false),
                    bus_stop = table.Column<string>(type: "TEXT", nullable: true),
                    opening_hours = table.Column<string>(type: "TEXT", nullable: false),
                    phone = table.Column<string>(type: "TEXT", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    introduction = table.Column<string>(type: "TEXT", nullable: true),
                    introduction_en = table.Column<string>(type: "TEXT", nullable: true),
                    founded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    floor_area = table.Column<int>(type: "INTEGER", nullable: true),
                    department_count = table.Column<int>(type: "INTEGER", nullable: true),
                    staff_count = table.Column<int>(type: "INTEGER", nullable: true),
                    item_count = table.Column<int>(type: "INTEGER", nullable: true),
                    figures = table.Column<string>(type: "TEXT", nullable: false),
                    extra_sessions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_halls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_outbox_messages",
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
                    table.PrimaryKey("pk_org_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_stations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", nullable: false),
                    address = table.Column<string>(type: "TEXT", nullable: true),
                    phone = table.Column<string>(type: "TEXT", nullable: true),
                    hours = table.Column<string>(type: "TEXT", nullable: true),
                    staff = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_stations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_windows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    department_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    name_en = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_windows", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_windows_org_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "org_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_org_windows_org_halls_hall_id",
                        column: x => x.hall_id,
                        principalTable: "org_halls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_org_departments_credit_code",
                table: "org_departments",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_departments_division_code",
                table: "org_departments",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_org_divisions_parent_code",
                table: "org_divisions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_org_halls_slug",
                table: "org_halls",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_outbox_messages_status_next_attempt_at",
                table: "org_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_org_stations_division_code",
                table: "org_stations",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_org_stations_key",
                table: "org_stations",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_windows_department_id",
                table: "org_windows",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_windows_hall_id_number",
                table: "org_windows",
                columns: new[] { "hall_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_divisions");

            migrationBuilder.DropTable(
                name: "org_outbox_messages");

            migrationBuilder.DropTable(
                name: "org_stations");

            migrationBuilder.DropTable(
                name: "org_windows");

            migrationBuilder.DropTable(
                name: "org_departments");

            migrationBuilder.DropTable(
                name: "org_halls");
        }
    }
}
