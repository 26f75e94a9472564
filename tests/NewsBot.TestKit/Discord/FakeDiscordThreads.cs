using System.Collections.Concurrent;

namespace NewsBot.TestKit.Discord;

/// <summary>
/// Threads and forum posts of the fake Discord. A thread is a channel of its own with a parent_id
/// (resources/channel.mdx); sending a message unarchives an archived thread unless a moderator locked it
/// (topics/threads.mdx), in which case Discord answers 50083; a deleted thread is an unknown channel (10003).
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly ConcurrentDictionary<string, FakeThread> _threads = new();

    /// <summary>Creates a thread (type 11 PUBLIC_THREAD; a forum post is one whose parent is a forum) under <paramref name="parentId"/>.</summary>
    public string CreateThread(string parentId, string name)
    {
        var id = NextId();
        _threads[id] = new FakeThread(id, parentId, name, Archived: false, Locked: false);
        return id;
    }

    /// <summary>Archives the thread; <paramref name="locked"/> as a moderator locking it (only Manage Threads may reopen it).</summary>
    public void ArchiveThread(string threadId, bool locked) => _threads[threadId] = _threads[threadId] with { Archived = true, Locked = locked };

    /// <summary>As a moderator unlocking and unarchiving the thread.</summary>
    public void ReopenThread(string threadId) => _threads[threadId] = _threads[threadId] with { Archived = false, Locked = false };

    /// <summary>Deletes the thread: it becomes an unknown channel.</summary>
    public void DeleteThread(string threadId)
    {
        _deletedThreads[threadId] = true;
        _threads.TryRemove(threadId, out _);
    }

    /// <summary>The thread as the fake knows it (null when there is none or it was deleted).</summary>
    public FakeThread? Thread(string threadId) => _threads.TryGetValue(threadId, out var thread) ? thread : null;

    /// <summary>A send into a thread: deleted → 10003, archived and locked → 50083, archived → unarchived and accepted.</summary>
    internal (int Status, int Code, string Message)? ThreadRefusal(string channelId)
    {
        if (_deletedThreads.ContainsKey(channelId)) return (404, 10003, "Unknown Channel");
        if (!_threads.TryGetValue(channelId, out var thread)) return null; // an ordinary channel
        if (thread.Archived && thread.Locked) return (400, 50083, "Thread is archived");
        if (thread.Archived) _threads[channelId] = thread with { Archived = false };
        return null;
    }

    private readonly ConcurrentDictionary<string, bool> _deletedThreads = new();
}

/// <summary>A thread of the fake Discord.</summary>
public sealed record FakeThread(string Id, string ParentId, string Name, bool Archived, bool Locked);
