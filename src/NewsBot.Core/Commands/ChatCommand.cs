namespace NewsBot.Core.Commands;

/// <summary>
/// A chat command in platform-neutral form. Platform adapters produce these (Telegram from message
/// text and button callbacks, Discord from slash commands); the host executes them.
/// A <c>Target</c> is an optional channel handle such as <c>@mychannel</c> that the command acts on
/// instead of the current chat (see <see cref="Connect"/>).
/// </summary>
public abstract record ChatCommand
{
    /// <summary>The command word without the slash, as shown in usage lines.</summary>
    public abstract string Name { get; }

    public sealed record Start : ChatCommand { public override string Name => "start"; }
    public sealed record Help : ChatCommand { public override string Name => "help"; }
    public sealed record Add(string Filter, string? Target = null) : ChatCommand { public override string Name => "add"; }
    public sealed record List(string? Target = null) : ChatCommand { public override string Name => "list"; }
    public sealed record Remove(int Number, string? Target = null) : ChatCommand { public override string Name => "remove"; }
    /// <summary>/pause; with <see cref="For"/> ("/pause 1h", the alert's "Pause 1 h" button) alerts wait that long, then come as a digest.</summary>
    public sealed record Pause(TimeSpan? For = null) : ChatCommand { public override string Name => "pause"; }
    public sealed record Resume : ChatCommand { public override string Name => "resume"; }
    public sealed record Test(string Text) : ChatCommand { public override string Name => "test"; }
    public sealed record Sources : ChatCommand { public override string Name => "sources"; }
    public sealed record Stop : ChatCommand { public override string Name => "stop"; }
    /// <summary>
    /// A feed, a site whose feed NewsBot finds, or with <see cref="Page"/> a web page whose article links are the
    /// items (<see cref="LinkSelector"/>: CSS for the links; null lets NewsBot find the page's main list of links).
    /// </summary>
    public sealed record AddSource(Uri Url, string? SourceName = null, bool Page = false, string? LinkSelector = null) : ChatCommand
    {
        public override string Name => "addsource";
    }
    public sealed record RemoveSource(long Id) : ChatCommand { public override string Name => "removesource"; }
    public sealed record PauseSource(long Id) : ChatCommand { public override string Name => "pausesource"; }
    public sealed record ResumeSource(long Id) : ChatCommand { public override string Name => "resumesource"; }
    public sealed record Stats : ChatCommand { public override string Name => "stats"; }
    public sealed record Connect(string Channel) : ChatCommand { public override string Name => "connect"; }

    /// <summary>/follow: a member's personal filter in a shared chat; its alerts reach the member privately. No admin rights needed.</summary>
    public sealed record Follow(string Filter) : ChatCommand { public override string Name => "follow"; }

    /// <summary>/following: the sender's personal filters in this chat.</summary>
    public sealed record Following : ChatCommand { public override string Name => "following"; }

    /// <summary>/unfollow n: removes the sender's personal filter number n of /following.</summary>
    public sealed record Unfollow(int Number) : ChatCommand { public override string Name => "unfollow"; }

    /// <summary>"Mute this story" under an alert: no more alerts or updates from the alert's story in this chat.</summary>
    public sealed record MuteStory(long AlertId) : ChatCommand { public override string Name => "mutestory"; }

    /// <summary>"Why?" under an alert: which terms of which filter matched it.</summary>
    public sealed record Why(long AlertId) : ChatCommand { public override string Name => "why"; }

    /// <summary>
    /// A Discord webhook as a destination of its own (admins only; the adapter has checked the webhook exists).
    /// <see cref="Url"/> holds the webhook token, a secret: it is stored as the chat id and never shown,
    /// so <see cref="ToString"/> leaves it out. <see cref="Filter"/> is added to the destination when given.
    /// </summary>
    public sealed record AddWebhook(string WebhookId, string Url, string? Title, string? Filter) : ChatCommand
    {
        public override string Name => "addwebhook";
        public override string ToString() => $"AddWebhook {{ WebhookId = {WebhookId}, Title = {Title}, Filter = {Filter} }}";
    }

    /// <summary>/digest, /quiet, /timezone, /limit: when this chat wants to be interrupted (no argument: show the settings).</summary>
    public sealed record SetDelivery(string CommandName, Delivery.DeliveryChange Change) : ChatCommand { public override string Name => CommandName; }

    /// <summary>A command word we do not know.</summary>
    public sealed record Unknown(string CommandName) : ChatCommand { public override string Name => CommandName; }

    /// <summary>
    /// A known command whose arguments are wrong; <see cref="Problem"/> says what is wrong (it may name commands,
    /// so it is reply text that each platform renders). The reply adds the command's usage line.
    /// </summary>
    public sealed record Malformed(string CommandName, ReplyText Problem) : ChatCommand { public override string Name => CommandName; }

    /// <summary>The channel handle the command targets, if any.</summary>
    public string? TargetChannel => this switch
    {
        Add a => a.Target,
        List l => l.Target,
        Remove r => r.Target,
        Connect c => c.Channel,
        _ => null,
    };
}
