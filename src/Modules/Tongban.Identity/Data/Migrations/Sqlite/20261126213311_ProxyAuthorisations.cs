using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProxyAuthorisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "deactivated_at",
                table: "idn_accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "deactivated_by",
                table: "idn_accounts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "idn_proxy_authorisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    principal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_codes = table.Column<string>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_proxy_authorisations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_idn_proxy_authorisations_agent_id",
                table: "idn_proxy_authorisations",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_proxy_authorisations_principal_id",
                table: "idn_proxy_authorisations",
                column: "principal_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idn_proxy_authorisations");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "idn_accounts");

            migrationBuilder.DropColumn(
                name: "deactivated_by",
                table: "idn_accounts");
        }
    }
}
