using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SourceHealthNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FailingSince",
                table: "Sources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FailureNoticeAt",
                table: "Sources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SourceNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ChatId = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourceNotices_Chats_ChatId",
                        column: x => x.ChatId,
                        principalTable: "Chats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SourceNotices_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SourceNotices_ChatId",
                table: "SourceNotices",
                column: "ChatId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceNotices_SourceId",
                table: "SourceNotices",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceNotices_Status_NextAttemptAt",
                table: "SourceNotices",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourceNotices");

            migrationBuilder.DropColumn(
                name: "FailingSince",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "FailureNoticeAt",
                table: "Sources");
        }
    }
}
