using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChainCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_chain_checkpoints",
                columns: table => new
                {
                    chain = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    head_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    signed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    algorithm = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    timestamp = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_chain_checkpoints", x => new { x.chain, x.sequence });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_chain_checkpoints");
        }
    }
}
