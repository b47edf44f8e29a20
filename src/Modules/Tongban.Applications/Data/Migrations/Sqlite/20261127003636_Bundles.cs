using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Applications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bundles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bundle_code",
                table: "app_drafts",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bundle_code",
                table: "app_cases",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "bundle_key",
                table: "app_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bundle_name",
                table: "app_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "bundle_code",
                table: "app_drafts");

            migrationBuilder.DropColumn(
                name: "bundle_code",
                table: "app_cases");

            migrationBuilder.DropColumn(
                name: "bundle_key",
                table: "app_cases");

            migrationBuilder.DropColumn(
                name: "bundle_name",
                table: "app_cases");
        }
    }
}
