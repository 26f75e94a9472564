using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsBot.TestKit.Telegram;

/// <summary>
/// A fake Telegram Bot API server over real HTTP on 127.0.0.1 that the real Telegram.Bot client
/// talks to: <c>POST /bot{token}/{method}</c> at the root (Telegram.Bot drops any base-URL path),
/// Telegram's envelopes, HTTP status = error_code, 429 with retry_after and a Retry-After header.
/// It checks HTML and the 4096-character limit like Telegram, enforces flood limits, holds
/// getUpdates long polls, and can be told to answer 403, a migration or any error.
/// </summary>
public sealed partial class FakeBotApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeBotApiOptions _options;
    private readonly FakeFloodControl _flood;
    private readonly FakeUpdateQueue _updates;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FakeSentMessage> _sent = [];
    private readonly List<FakeApiCall> _calls = [];
    private readonly Dictionary<long, string> _gone = [];
    private readonly FakeForumTopics _topics = new();
    private readonly Dictionary<long, long> _migrated = [];
    private readonly Dictionary<(long Chat, long User), string> _members = [];
    private readonly Dictionary<long, (string Type, string? Username, string? Title)> _chats = [];
    private readonly Dictionary<string, Queue<(int Code, string Description)>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextMessageId = 1;
    private int _tooManyRequests;

    private FakeBotApiServer(WebApplication app, FakeBotApiOptions options)
    {
        _app = app;
        _options = options;
        _flood = new FakeFloodControl(options.Limits, options.Time);
        _updates = new FakeUpdateQueue(options.Time);
        BotId = long.Parse(options.Token.Split(':')[0], CultureInfo.InvariantCulture);
    }

    public static async Task<FakeBotApiServer> StartAsync(FakeBotApiOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeBotApiServer(app, options ?? new FakeBotApiOptions());
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The address to give Telegram.Bot as its base URL, the loopback address and the port the OS chose.</summary>
    public string BaseUrl { get; private set; } = "";
    public string Token => _options.Token;
    public string BotUsername => _options.BotUsername;
    public long BotId { get; }

    public IReadOnlyList<FakeSentMessage> SentMessages { get { lock (_gate) return _sent.ToList(); } }
    public IReadOnlyList<FakeApiCall> Calls { get { lock (_gate) return _calls.ToList(); } }
    public IReadOnlyList<FakeApiCall> CallsTo(string method) { lock (_gate) return _calls.Where(c => c.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).ToList(); }
    public int TooManyRequestsCount => Volatile.Read(ref _tooManyRequests);
    public int PendingUpdates => _updates.PendingCount;

    /// <summary>Queues an update for getUpdates; returns its update_id.</summary>
    public int PushUpdate(JsonObject update) { var id = _updates.Push(update); Changed(); return id; }

    /// <summary>Sends to this chat answer 403 (default: the user blocked the bot).</summary>
    public void MakeChatGone(long chatId, string description = "Forbidden: bot was blocked by the user") { lock (_gate) _gone[chatId] = description; }

    /// <summary>Sends to <paramref name="from"/> answer 400 with migrate_to_chat_id = <paramref name="to"/>.</summary>
    public void MigrateChat(long from, long to) { lock (_gate) { _migrated[from] = to; _chats[to] = ("supergroup", null, "Chat " + to); } }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with this error.</summary>
    public void FailNext(string method, int errorCode, string description, int times = 1)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var queue)) _failures[method] = queue = new();
            for (var i = 0; i < times; i++) queue.Enqueue((errorCode, description));
        }
    }

    /// <summary>Creates a forum topic in a supergroup; returns its message_thread_id (the id of its creation message, as in Telegram).</summary>
    public int CreateTopic(long chatId, string name)
    {
        lock (_gate)
        {
            if (_nextMessageId <= 1) _nextMessageId = 2; // thread id 1 is the General topic
            var threadId = _nextMessageId++;
            _topics.Add(chatId, threadId, name);
            return threadId;
        }
    }

    /// <summary>As when an admin closes the topic: sends into it answer "Bad Request: TOPIC_CLOSED".</summary>
    public void CloseTopic(long chatId, int threadId) { lock (_gate) _topics.Set(chatId, threadId, TopicState.Closed); }

    /// <summary>As when an admin reopens a closed topic.</summary>
    public void ReopenTopic(long chatId, int threadId) { lock (_gate) _topics.Set(chatId, threadId, TopicState.Open); }

    /// <summary>As when the topic is deleted: sends into it answer "Bad Request: message thread not found".</summary>
    public void DeleteTopic(long chatId, int threadId) { lock (_gate) _topics.Set(chatId, threadId, TopicState.Deleted); }

    /// <summary>getChatMember answers this status (creator, administrator, member, left, kicked) for the pair.</summary>
    public void SetChatMember(long chatId, long userId, string status) { lock (_gate) _members[(chatId, userId)] = status; }

    /// <summary>Makes a chat known to getChat, e.g. a channel reachable as @handle.</summary>
    public void AddChat(long chatId, string type, string? username = null, string? title = null) { lock (_gate) _chats[chatId] = (type, username, title); }

    /// <summary>As after setWebhook: getUpdates answers 409 until deleteWebhook.</summary>
    public bool WebhookActive { get => _updates.WebhookActive; set => _updates.WebhookActive = value; }

    /// <summary>Waits (without polling) until <paramref name="condition"/> holds for the server's state.</summary>
    public async Task WaitUntilAsync(Func<FakeBotApiServer, bool> condition, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate) changed = _changed.Task;
            if (condition(this)) return;
            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"fake Telegram server: condition not met within {timeout ?? TimeSpan.FromSeconds(10)}; " +
                    $"calls: {string.Join(", ", Calls.Select(c => $"{c.Method}={c.Status}"))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync(); // end held long polls so shutdown does not wait for them
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Changed()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var slash = path.IndexOf('/', 1);
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash < 0)
        {
            await Error(ctx, 404, "Not Found");
            return;
        }
        if (path[4..slash] != _options.Token)
        {
            await Error(ctx, 401, "Unauthorized");
            return;
        }
        var method = path[(slash + 1)..];
        var parameters = await ReadParametersAsync(ctx.Request);
        var call = new FakeApiCall(method, parameters, _options.Time.GetUtcNow());
        lock (_gate) _calls.Add(call);
        Changed();
        try
        {
            await DispatchAsync(ctx, method, parameters);
        }
        finally
        {
            lock (_gate) call.Status = ctx.Response.StatusCode;
            Changed();
        }
    }

    private Task DispatchAsync(HttpContext ctx, string method, JsonObject p)
    {
        lock (_gate)
            if (_failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure))
                return Error(ctx, failure.Code, failure.Description);
        return method.ToLowerInvariant() switch
        {
            "getme" => Ok(ctx, new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "NewsBot", ["username"] = _options.BotUsername }),
            "sendmessage" => SendMessage(ctx, p),
            "editmessagetext" => EditMessageText(ctx, p),
            "answercallbackquery" => AnswerCallbackQuery(ctx, p),
            "setmycommands" => SetMyCommands(ctx, p),
            "deletewebhook" => SetWebhook(ctx, active: false, p),
            "setwebhook" => SetWebhook(ctx, active: true, p),
            "getupdates" => GetUpdatesAsync(ctx, p),
            "getchatmember" => GetChatMember(ctx, p),
            "getchat" => GetChat(ctx, p),
            _ => Error(ctx, 404, "Not Found: method not found"),
        };
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        var result = new JsonObject();
        foreach (var (key, value) in request.Query) result[key] = value.ToString();
        if (request.HasFormContentType)
            foreach (var (key, value) in await request.ReadFormAsync()) result[key] = value.ToString();
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true &&
                 await JsonNode.ParseAsync(request.Body) is JsonObject body)
            foreach (var (key, value) in body) result[key] = value?.DeepClone();
        return result;
    }

    internal static Task Ok(HttpContext ctx, JsonNode? result) =>
        Write(ctx, 200, new JsonObject { ["ok"] = true, ["result"] = result });

    internal static Task Error(HttpContext ctx, int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null) body["parameters"] = parameters;
        return Write(ctx, code, body);
    }

    private static Task Write(HttpContext ctx, int status, JsonObject body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString());
    }
}
