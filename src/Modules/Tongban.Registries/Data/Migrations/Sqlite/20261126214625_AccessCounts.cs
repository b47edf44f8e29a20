using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Registries.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reg_access_counts",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    resource = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    calls = table.Column<long>(type: "INTEGER", nullable: false),
                    records = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reg_access_counts", x => new { x.day, x.department, x.resource });
                });

            // The log written before the roll-up existed, counted by region day (China keeps UTC+8 all year).
            migrationBuilder.Sql("""
                INSERT INTO reg_access_counts (day, department, resource, calls, records)
                SELECT date((at - 621355968000000000) / 10000000 + 28800, 'unixepoch'), COALESCE(caller_department, caller), resource, count(*), sum(result_count)
                FROM reg_access_log GROUP BY 1, 2, 3
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reg_access_counts");
        }
    }
}
