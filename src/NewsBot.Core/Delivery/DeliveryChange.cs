namespace NewsBot.Core.Delivery;

/// <summary>What a delivery command asks for; the host applies it to the chat's stored preferences.</summary>
public abstract record DeliveryChange
{
    public abstract DeliveryPreferences ApplyTo(DeliveryPreferences current);

    /// <summary>The command without arguments: show the current settings, change nothing.</summary>
    public sealed record Show : DeliveryChange
    {
        public override DeliveryPreferences ApplyTo(DeliveryPreferences current) => current;
    }

    public sealed record SetDigest(DigestSchedule Digest) : DeliveryChange
    {
        public override DeliveryPreferences ApplyTo(DeliveryPreferences current) => current with { Digest = Digest };
    }

    /// <summary><see cref="Quiet"/> is null for <c>/quiet off</c>.</summary>
    public sealed record SetQuiet(QuietHours? Quiet) : DeliveryChange
    {
        public override DeliveryPreferences ApplyTo(DeliveryPreferences current) => current with { Quiet = Quiet };
    }

    public sealed record SetTimeZone(TimeZoneInfo TimeZone) : DeliveryChange
    {
        public override DeliveryPreferences ApplyTo(DeliveryPreferences current) => current with { TimeZone = TimeZone };
    }

    public sealed record SetLimit(int HourlyLimit) : DeliveryChange
    {
        public override DeliveryPreferences ApplyTo(DeliveryPreferences current) => current with { HourlyLimit = HourlyLimit };
    }
}

/// <summary>The outcome of parsing a delivery command's arguments.</summary>
public abstract record DeliveryParseResult
{
    public sealed record Parsed(DeliveryChange Change) : DeliveryParseResult;

    /// <summary>Shaped like <c>ChatCommand.Malformed</c>, so the host replies the same way; the problem may name commands.</summary>
    public sealed record Invalid(string CommandName, Commands.ReplyText Problem) : DeliveryParseResult;
}
