using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StorySources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "AlsoSources",
                table: "Alerts",
                newName: "ShownAlso");

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoId",
                table: "Stories",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourcesVersion",
                table: "Alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StorySources",
                columns: table => new
                {
                    StoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorySources", x => new { x.StoryId, x.SourceId });
                    table.ForeignKey(
                        name: "FK_StorySources_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StorySources_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_MergedIntoId",
                table: "Stories",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_StorySources_SourceId",
                table: "StorySources",
                column: "SourceId");

            // Every stored article of a story says its source reports it: the rows the "also" names
            // are read from from now on. They hold every name an alert's old list held; that list
            // stays as what the message showed (ShownAlso), so the next edit keeps those names first.
            migrationBuilder.Sql(
                """
                INSERT INTO "StorySources" ("StoryId", "SourceId", "FirstReportedAt")
                SELECT "StoryId", "SourceId", MIN("FetchedAt") FROM "Articles"
                WHERE "StoryId" IS NOT NULL
                GROUP BY "StoryId", "SourceId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StorySources");

            migrationBuilder.DropIndex(
                name: "IX_Stories_MergedIntoId",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "SourcesVersion",
                table: "Alerts");

            migrationBuilder.RenameColumn(
                name: "ShownAlso",
                table: "Alerts",
                newName: "AlsoSources");
        }
    }
}
