using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSupervisionOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_supervision_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    requirement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    answer_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_supervision_orders", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_app_supervision_orders_case_id",
                table: "app_supervision_orders",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_supervision_orders_department_credit_code_answer_by",
                table: "app_supervision_orders",
                columns: new[] { "department_credit_code", "answer_by" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_supervision_orders");
        }
    }
}
