using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedChats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerName",
                table: "Filters",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerUserId",
                table: "Filters",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PersonalChatId",
                table: "Filters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentExternalId",
                table: "Chats",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PausedUntil",
                table: "Chats",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Articles",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ViaChatId",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChatStoryMutes",
                columns: table => new
                {
                    ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    StoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatStoryMutes", x => new { x.ChatId, x.StoryId });
                    table.ForeignKey(
                        name: "FK_ChatStoryMutes_Chats_ChatId",
                        column: x => x.ChatId,
                        principalTable: "Chats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChatStoryMutes_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberMentions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MatchedTerms = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PlatformMessageId = table.Column<string>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberMentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberMentions_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemberMentions_Chats_ChatId",
                        column: x => x.ChatId,
                        principalTable: "Chats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Filters_ChatId_OwnerUserId",
                table: "Filters",
                columns: new[] { "ChatId", "OwnerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Filters_PersonalChatId",
                table: "Filters",
                column: "PersonalChatId");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_Platform_ParentExternalId",
                table: "Chats",
                columns: new[] { "Platform", "ParentExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ViaChatId",
                table: "Alerts",
                column: "ViaChatId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatStoryMutes_StoryId",
                table: "ChatStoryMutes",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberMentions_ArticleId",
                table: "MemberMentions",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberMentions_ChatId_ArticleId_UserId",
                table: "MemberMentions",
                columns: new[] { "ChatId", "ArticleId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberMentions_Status_NextAttemptAt",
                table: "MemberMentions",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Filters_Chats_PersonalChatId",
                table: "Filters",
                column: "PersonalChatId",
                principalTable: "Chats",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Filters_Chats_PersonalChatId",
                table: "Filters");

            migrationBuilder.DropTable(
                name: "ChatStoryMutes");

            migrationBuilder.DropTable(
                name: "MemberMentions");

            migrationBuilder.DropIndex(
                name: "IX_Filters_ChatId_OwnerUserId",
                table: "Filters");

            migrationBuilder.DropIndex(
                name: "IX_Filters_PersonalChatId",
                table: "Filters");

            migrationBuilder.DropIndex(
                name: "IX_Chats_Platform_ParentExternalId",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_ViaChatId",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "OwnerName",
                table: "Filters");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "Filters");

            migrationBuilder.DropColumn(
                name: "PersonalChatId",
                table: "Filters");

            migrationBuilder.DropColumn(
                name: "ParentExternalId",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "PausedUntil",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ViaChatId",
                table: "Alerts");
        }
    }
}
