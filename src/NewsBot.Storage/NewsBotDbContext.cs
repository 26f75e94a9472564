using Microsoft.EntityFrameworkCore;
using NewsBot.Storage.Entities;

namespace NewsBot.Storage;

/// <summary>
/// The database is the truth: jobs carry only ids, and everything a restart needs is here.
/// Each provider has its own subclass so it can keep its own migration set.
/// </summary>
public abstract class NewsBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Chat> Chats => Set<Chat>();
    public DbSet<ChatFilter> Filters => Set<ChatFilter>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<StorySource> StorySources => Set<StorySource>();
    public DbSet<SourceNotice> SourceNotices => Set<SourceNotice>();
    public DbSet<CoverageHold> CoverageHolds => Set<CoverageHold>();
    public DbSet<PushSubscription> PushSubscriptions => Set<PushSubscription>();
    public DbSet<ChatStoryMute> ChatStoryMutes => Set<ChatStoryMute>();
    public DbSet<MemberMention> MemberMentions => Set<MemberMention>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC; SQLite hands DateTime back as Unspecified, PostgreSQL's timestamptz demands Utc.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Source>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Url).HasMaxLength(2048);
            e.Property(s => s.PageLinkSelector).HasMaxLength(500);
            e.Property(s => s.ContentHash).HasMaxLength(64);
            e.HasIndex(s => s.Url).IsUnique();
            e.HasIndex(s => s.NextPollAt);
        });
        modelBuilder.Entity<Article>(e =>
        {
            e.Property(a => a.IdentityHash).HasMaxLength(64);
            e.Property(a => a.Language).HasMaxLength(16);
            e.HasIndex(a => new { a.SourceId, a.IdentityHash }).IsUnique();
            e.HasIndex(a => a.FetchedAt);
            e.HasOne(a => a.Story).WithMany().OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Chat>(e =>
        {
            e.Property(c => c.Platform).HasMaxLength(32);
            e.Property(c => c.ExternalId).HasMaxLength(512);
            e.Property(c => c.ParentExternalId).HasMaxLength(512);
            e.HasIndex(c => new { c.Platform, c.ExternalId }).IsUnique();
            e.HasIndex(c => new { c.Platform, c.ParentExternalId });
        });
        modelBuilder.Entity<ChatFilter>(e =>
        {
            e.HasIndex(f => f.ChatId);
            e.Property(f => f.AddedBy).HasMaxLength(100);
            e.HasIndex(f => f.AddedBy);
            e.Property(f => f.OwnerUserId).HasMaxLength(100);
            e.Property(f => f.OwnerName).HasMaxLength(100);
            e.HasIndex(f => new { f.ChatId, f.OwnerUserId });
            e.HasIndex(f => f.PersonalChatId);
            // The chat's own filters cascade with it (ChatId); a member's private chat going leaves their filter, mention-only.
            e.HasOne<Chat>().WithMany().HasForeignKey(f => f.PersonalChatId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Alert>(e =>
        {
            e.HasIndex(a => new { a.ChatId, a.ArticleId }).IsUnique();
            e.HasIndex(a => new { a.Status, a.NextAttemptAt });
            e.HasIndex(a => new { a.ChatId, a.StoryId }).IsUnique();
            e.HasOne(a => a.Story).WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(a => a.UpdatePending);
            e.HasIndex(a => a.ViaChatId);
        });
        modelBuilder.Entity<ChatStoryMute>(e =>
        {
            e.HasKey(m => new { m.ChatId, m.StoryId });
            e.HasIndex(m => m.StoryId);
            e.HasOne<Chat>().WithMany().HasForeignKey(m => m.ChatId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Story>().WithMany().HasForeignKey(m => m.StoryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MemberMention>(e =>
        {
            e.Property(m => m.UserId).HasMaxLength(100);
            e.Property(m => m.UserName).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(500);
            e.HasIndex(m => new { m.ChatId, m.ArticleId, m.UserId }).IsUnique();
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasOne(m => m.Chat).WithMany().HasForeignKey(m => m.ChatId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Article).WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CoverageHold>(e =>
        {
            e.HasIndex(h => new { h.ChatId, h.StoryId }).IsUnique();
            e.HasIndex(h => h.StoryId);
            e.HasIndex(h => h.CreatedAt);
            e.HasOne<Chat>().WithMany().HasForeignKey(h => h.ChatId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ChatFilter>().WithMany().HasForeignKey(h => h.FilterId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(h => h.Story).WithMany().HasForeignKey(h => h.StoryId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(h => h.Article).WithMany().HasForeignKey(h => h.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Story>(e =>
        {
            e.HasIndex(s => s.MergedIntoId);
        });
        modelBuilder.Entity<StorySource>(e =>
        {
            e.HasKey(s => new { s.StoryId, s.SourceId });
            e.HasOne(s => s.Story).WithMany().HasForeignKey(s => s.StoryId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(s => s.Source).WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PushSubscription>(e =>
        {
            e.Property(p => p.CallbackId).HasMaxLength(64);
            e.Property(p => p.HubUrl).HasMaxLength(2048);
            e.Property(p => p.Topic).HasMaxLength(2048);
            e.Property(p => p.Secret).HasMaxLength(128);
            e.Property(p => p.PendingMode).HasMaxLength(16);
            e.Property(p => p.LastError).HasMaxLength(500);
            e.HasIndex(p => p.CallbackId).IsUnique();
            e.HasIndex(p => p.SourceId).IsUnique();
            e.HasIndex(p => p.NextAttemptAt);
            // A removed source's subscription goes with it; the hub's next delivery gets 410 Gone and stops.
            e.HasOne<Source>().WithMany().HasForeignKey(p => p.SourceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SourceNotice>(e =>
        {
            e.Property(n => n.Platform).HasMaxLength(32);
            e.Property(n => n.Target).HasMaxLength(512);
            e.Property(n => n.Text).HasMaxLength(4000);
            e.HasIndex(n => new { n.Status, n.NextAttemptAt });
            e.HasOne(n => n.Source).WithMany().HasForeignKey(n => n.SourceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Chat>().WithMany().HasForeignKey(n => n.ChatId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
