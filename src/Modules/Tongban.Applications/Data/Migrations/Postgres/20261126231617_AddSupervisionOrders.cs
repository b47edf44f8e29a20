using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    requirement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    answer_by = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
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
