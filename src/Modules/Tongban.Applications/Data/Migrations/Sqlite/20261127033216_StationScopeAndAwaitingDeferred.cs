using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StationScopeAndAwaitingDeferred : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "station_key",
                table: "app_supervision_orders",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "station_key",
                table: "app_ratings",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "awaiting_deferred",
                table: "app_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_app_supervision_orders_station_key",
                table: "app_supervision_orders",
                column: "station_key");

            migrationBuilder.CreateIndex(
                name: "ix_app_ratings_station_key",
                table: "app_ratings",
                column: "station_key");

            migrationBuilder.CreateIndex(
                name: "ix_app_cases_awaiting_deferred",
                table: "app_cases",
                column: "awaiting_deferred");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_app_supervision_orders_station_key",
                table: "app_supervision_orders");

            migrationBuilder.DropIndex(
                name: "ix_app_ratings_station_key",
                table: "app_ratings");

            migrationBuilder.DropIndex(
                name: "ix_app_cases_awaiting_deferred",
                table: "app_cases");

            migrationBuilder.DropColumn(
                name: "station_key",
                table: "app_supervision_orders");

            migrationBuilder.DropColumn(
                name: "station_key",
                table: "app_ratings");

            migrationBuilder.DropColumn(
                name: "awaiting_deferred",
                table: "app_cases");
        }
    }
}
