using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UpstreamSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idn_upstream_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    protected_client_secret = table.Column<string>(type: "TEXT", nullable: true),
                    scopes = table.Column<string>(type: "TEXT", nullable: false),
                    level_map = table.Column<string>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_upstream_settings", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idn_upstream_settings");
        }
    }
}
