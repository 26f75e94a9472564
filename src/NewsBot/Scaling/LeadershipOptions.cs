namespace NewsBot.Scaling;

/// <summary>NewsBot:Scaling — running several instances on one PostgreSQL database.</summary>
public sealed class LeadershipOptions
{
    public const string Section = "NewsBot:Scaling";

    /// <summary>
    /// How often a standby instance tries to take a platform's lease, and how often the leader checks
    /// it still holds it. Fail-over after a crash takes at most this long (plus the platform's start).
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the leader looks for alerts of the platforms it leads (jobs may land on other instances).</summary>
    public TimeSpan LeaderDispatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How soon a filter added or removed through one instance counts on the others.</summary>
    public TimeSpan FilterSyncInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>NewsBot:Delivery:ClaimLease — how long a sender holds an alert it is sending.</summary>
public sealed class ClaimLeaseOptions
{
    public const string Section = "NewsBot:Delivery";

    /// <summary>
    /// An alert claimed by an instance that died is sent by another once this runs out, so shorter
    /// means faster recovery; it must stay longer than a send can take (the dispatcher gives a
    /// send at most 60 s, less when this lease is shorter), or a slow send is doubled.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(90);
}
