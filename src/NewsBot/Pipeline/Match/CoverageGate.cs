using Microsoft.EntityFrameworkCore;
using NewsBot.Core.Filters;
using NewsBot.Sources.Fetching;
using NewsBot.Storage;
using NewsBot.Storage.Entities;

namespace NewsBot.Pipeline.Match;

/// <summary>
/// The coverage term <c>outlets:N</c> for one poll: a chat whose filter wants N outlets is alerted
/// only once N distinct outlets (<see cref="SourceAddress.Outlet"/>: two feeds of one site count
/// once) report the story, and the alert names the others. Until then the match is held as a
/// <see cref="CoverageHold"/> row, so a restart or another instance releases it as well: any later
/// article joining the story, from any source and whatever its text (it is the same news), counts
/// the outlets again. Outlets are counted from the stored articles of the story plus this poll's
/// source, in the poll's transaction.
/// </summary>
internal sealed class CoverageGate(AlertBatch batch, NewsBotDbContext db, Source source, TimeSpan window)
{
    private readonly string _outlet = SourceAddress.Outlet(source.Url);
    private readonly Dictionary<long, List<(string Outlet, string Name)>> _outletsByStory = [];
    private readonly List<CoverageHold> _added = [];
    private bool _expiredSwept;
    private bool? _anyHeld;

    /// <summary>A match whose filter has <c>outlets:N</c> (N &gt; 1): alerted now when the story has N outlets, else held.</summary>
    public async Task AlertOrHoldAsync(FilterMatch match, Article article, StoryRef story, CancellationToken ct)
    {
        // A muted story is never held for its chat: nothing of it would be sent.
        if (story.Id is { } muted && await StoryMutes.IsMutedAsync(db, match.ChatId, muted, ct)) return;
        var outlets = story.Id is { } id ? await OutletsAsync(id, ct) : [(_outlet, source.Name)];
        if (outlets.Count >= match.MinOutlets)
        {
            await AlertNamingOutletsAsync(match, article, story, ct);
            if (story.Id is { } heldStory && await db.CoverageHolds.FirstOrDefaultAsync(h => h.ChatId == match.ChatId && h.StoryId == heldStory, ct) is { } released)
                db.CoverageHolds.Remove(released);
            return;
        }
        var hold = _added.FirstOrDefault(h => h.ChatId == match.ChatId && (story.Id is { } known ? h.StoryId == known : ReferenceEquals(h.Story, story.New)));
        if (hold is null && story.Id is { } storyId)
            hold = await db.CoverageHolds.FirstOrDefaultAsync(h => h.ChatId == match.ChatId && h.StoryId == storyId, ct);
        if (hold is null)
        {
            await SweepExpiredAsync(ct);
            hold = new CoverageHold { ChatId = match.ChatId, MatchedTerms = "", CreatedAt = batch.Now, MinOutlets = match.MinOutlets };
            if (story.Id is { } stored) hold.StoryId = stored;
            else hold.Story = story.New;
            db.CoverageHolds.Add(hold);
            _added.Add(hold);
        }
        // The chat's latest matching article is the one it will be alerted about.
        hold.Article = article;
        hold.FilterId = match.FilterId;
        hold.MatchedTerms = string.Join(Alert.TermSeparator, match.MatchedTerms);
        hold.MinOutlets = Math.Min(hold.MinOutlets, match.MinOutlets);
    }

    /// <summary>An article of this poll joined stored story <paramref name="storyId"/>: held matches whose N is now reached become alerts.</summary>
    public async Task ReleaseAsync(long storyId, CancellationToken ct)
    {
        // Most polls find no held match at all: one question per poll instead of one per article joining a story.
        _anyHeld ??= await db.CoverageHolds.AnyAsync(ct);
        if (_anyHeld == false) return;
        var holds = (await db.CoverageHolds.Include(h => h.Article).ThenInclude(a => a!.Source).Where(h => h.StoryId == storyId).ToListAsync(ct))
            .Where(h => db.Entry(h).State != EntityState.Deleted).ToList(); // released by a match of this poll
        if (holds.Count == 0) return;
        var outlets = await OutletsAsync(storyId, ct);
        foreach (var hold in holds)
        {
            if (hold.CreatedAt < batch.Now - window)
            {
                db.CoverageHolds.Remove(hold);
                continue;
            }
            if (outlets.Count < hold.MinOutlets) continue;
            var match = new FilterMatch(hold.FilterId, hold.ChatId, hold.MatchedTerms.Split(Alert.TermSeparator, StringSplitOptions.RemoveEmptyEntries), hold.MinOutlets);
            await AlertNamingOutletsAsync(match, hold.Article!, new StoryRef(storyId, null), ct);
            db.CoverageHolds.Remove(hold);
        }
    }

    /// <summary>The alert as any other: its "also" line is read from the story's source rows when it is sent, so it names every other outlet.</summary>
    private Task AlertNamingOutletsAsync(FilterMatch match, Article article, StoryRef story, CancellationToken ct) =>
        batch.AlertAsync(match, article, story, ct);

    /// <summary>Distinct outlets of a stored story, including this poll's source, the earliest-named source standing for its outlet.</summary>
    private async Task<List<(string Outlet, string Name)>> OutletsAsync(long storyId, CancellationToken ct)
    {
        if (_outletsByStory.TryGetValue(storyId, out var known)) return known;
        var sources = await db.Articles.AsNoTracking().Where(a => a.StoryId == storyId)
            .Select(a => new { a.Source!.Id, a.Source.Url, a.Source.Name }).Distinct().ToListAsync(ct);
        var outlets = sources.OrderBy(s => s.Id).Select(s => (Outlet: SourceAddress.Outlet(s.Url), s.Name))
            .Append((Outlet: _outlet, source.Name)).DistinctBy(o => o.Outlet).ToList();
        _outletsByStory[storyId] = outlets;
        return outlets;
    }

    /// <summary>Held matches older than the story window can no longer be released: removed once per poll that holds a new one.</summary>
    private async Task SweepExpiredAsync(CancellationToken ct)
    {
        if (_expiredSwept) return;
        _expiredSwept = true;
        var expired = batch.Now - window;
        await db.CoverageHolds.Where(h => h.CreatedAt < expired).ExecuteDeleteAsync(ct);
    }
}
