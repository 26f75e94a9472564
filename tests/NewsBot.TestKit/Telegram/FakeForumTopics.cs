namespace NewsBot.TestKit.Telegram;

/// <summary>
/// Forum topics of the fake's supergroups, answering sends with a message_thread_id like the Bot API server does
/// (tdlib/telegram-bot-api Client.cpp check_message_topic): the General topic (id 1) and a thread that does not
/// exist or was deleted answer "Bad Request: message thread not found"; a closed topic answers Telegram's
/// "Bad Request: TOPIC_CLOSED".
/// </summary>
internal sealed class FakeForumTopics
{
    private const int General = 1;
    private readonly Dictionary<(long Chat, int Thread), (string Name, TopicState State)> _topics = [];

    public void Add(long chatId, int threadId, string name) => _topics[(chatId, threadId)] = (name, TopicState.Open);

    public void Set(long chatId, int threadId, TopicState state)
    {
        if (!_topics.TryGetValue((chatId, threadId), out var topic)) throw new InvalidOperationException($"no topic {threadId} in chat {chatId}");
        _topics[(chatId, threadId)] = (topic.Name, state);
    }

    /// <summary>The error description for a send into this thread, or null when it is accepted.</summary>
    public string? RefusalFor(long chatId, int threadId)
    {
        if (threadId == General || !_topics.TryGetValue((chatId, threadId), out var topic) || topic.State == TopicState.Deleted)
            return "Bad Request: message thread not found";
        return topic.State == TopicState.Closed ? "Bad Request: TOPIC_CLOSED" : null;
    }
}

internal enum TopicState
{
    Open,
    Closed,
    Deleted,
}
