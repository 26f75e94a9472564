using Microsoft.Extensions.AI;

namespace NewsBot.Core.Tests.Summaries;

/// <summary>A chat client that answers with a scripted function and records what it was asked.</summary>
public sealed class FakeChatClient(Func<IList<ChatMessage>, CancellationToken, Task<string>> reply) : IChatClient
{
    public List<IList<ChatMessage>> Requests { get; } = [];
    public List<ChatOptions?> Options { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add(list);
        Options.Add(options);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await reply(list, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the summarizer does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
