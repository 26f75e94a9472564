namespace NewsBot.IntegrationTests.Infrastructure;

/// <summary>Host tests run one at a time: each starts Hangfire, Kestrel and background polling.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection
{
    public const string Name = "host";
}
