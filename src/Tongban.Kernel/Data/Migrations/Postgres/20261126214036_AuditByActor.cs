using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Kernel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditByActor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_actor_sequence",
                table: "kernel_audit_entries",
                columns: new[] { "actor", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_kernel_audit_entries_actor_sequence",
                table: "kernel_audit_entries");
        }
    }
}
