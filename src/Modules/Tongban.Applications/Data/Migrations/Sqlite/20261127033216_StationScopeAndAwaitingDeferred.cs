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

            // Rows made before: the flag and the station snapshots are filled from what the cases already hold.
            migrationBuilder.Sql("""
                UPDATE app_cases SET awaiting_deferred = TRUE
                WHERE status IN ('InProcess', 'Decided') AND deferred LIKE '%"receivedAt":null%'
                """);
            migrationBuilder.Sql("UPDATE app_ratings SET station_key = (SELECT c.station_key FROM app_cases c WHERE c.id = app_ratings.case_id)");
            migrationBuilder.Sql("UPDATE app_supervision_orders SET station_key = (SELECT c.station_key FROM app_cases c WHERE c.id = app_supervision_orders.case_id)");
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
