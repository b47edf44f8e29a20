using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StationKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "station_key",
                table: "app_cases",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_station_key_due_sort_number",
                table: "app_cases",
                columns: new[] { "station_key", "due_sort", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_app_cases_station_key_due_sort_number",
                table: "app_cases");

            migrationBuilder.DropColumn(
                name: "station_key",
                table: "app_cases");
        }
    }
}
