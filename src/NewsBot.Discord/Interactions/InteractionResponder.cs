using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Discord.Rest;

namespace NewsBot.Discord.Interactions;

/// <summary>
/// Answers slash commands and button presses (MESSAGE_COMPONENT, answered like a command: an ephemeral message only
/// the presser sees) within Discord's 3-second deadline (interactions/receiving-and-responding.mdx): a reply
/// ready before <see cref="DiscordOptions.InteractionDeferAfter"/> goes out as type 4; otherwise the responder
/// defers with type 5 ("thinking…") and edits the original response when the reply is ready. The command
/// logic is the <c>handler</c>, which the host bridges to the platform-neutral command executor.
/// </summary>
public sealed partial class InteractionResponder(
    DiscordRestClient rest,
    Func<DiscordInteraction, CancellationToken, Task<DiscordReply>> handler,
    DiscordOptions options,
    TimeProvider? time = null,
    ILogger<InteractionResponder>? logger = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<InteractionResponder>.Instance;

    /// <summary>Handles one INTERACTION_CREATE payload; never throws except for cancellation.</summary>
    public async Task HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        DiscordInteraction interaction;
        try
        {
            interaction = InteractionParser.Parse(payload);
        }
        catch (InvalidDataException ex)
        {
            LogUnreadable(_logger, ex.Message);
            return;
        }
        if (interaction.Type is not (DiscordInteraction.ApplicationCommandType or DiscordInteraction.AutocompleteType or DiscordInteraction.MessageComponentType))
        {
            LogIgnored(_logger, interaction.Id, interaction.Type);
            return;
        }
        try
        {
            if (interaction.Type == DiscordInteraction.AutocompleteType)
                // Autocomplete cannot be deferred; the choices are computed in memory, well inside the 3 s.
                await rest.RespondWithChoicesAsync(interaction.Id, interaction.Token, NewsSlashCommands.Autocomplete(interaction), cancellationToken);
            else
                await RespondAsync(interaction, cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransportException)
        {
            // 10062 here means the 3 s deadline passed before Discord got our answer; nothing more can be sent.
            LogReplyFailed(_logger, ex, interaction.ToString(), ex.Message);
        }
    }

    private async Task RespondAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var work = RunHandlerAsync(interaction, cancellationToken);
        using (var deferTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var deadline = Task.Delay(options.InteractionDeferAfter, _time, deferTimer.Token);
            var first = await Task.WhenAny(work, deadline);
            await deferTimer.CancelAsync();
            if (first == work)
            {
                var reply = await work;
                await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionCallback.Reply(ToMessage(reply)), cancellationToken);
                return;
            }
        }
        // A deferred reply's visibility is fixed by the defer; NewsBot's command replies are all ephemeral.
        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionCallback.Defer(ephemeral: true), cancellationToken);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var described = interaction.ToString();
            LogDeferred(_logger, described);
        }
        var late = await work;
        await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, ToMessage(late) with { Flags = null }, cancellationToken);
    }

    private async Task<DiscordReply> RunHandlerAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            return await handler(interaction, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(_logger, ex, interaction.ToString());
            return new DiscordReply("Sorry, that command failed inside NewsBot. The error is logged; please try again later.");
        }
    }

    private static DiscordMessageBody ToMessage(DiscordReply reply) => new()
    {
        Content = Rendering.EmbedLimits.Fit(reply.Content, 2000), // Discord: content is at most 2,000 characters
        Embeds = reply.Embeds,
        Flags = reply.Ephemeral ? MessageFlags.Ephemeral : null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: unreadable interaction ignored: {Cause}")]
    private static partial void LogUnreadable(ILogger logger, string cause);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord: interaction {InteractionId} of type {Type} ignored")]
    private static partial void LogIgnored(ILogger logger, string interactionId, int type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: {Interaction} deferred; the reply follows as an edit")]
    private static partial void LogDeferred(ILogger logger, string interaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: reply to {Interaction} failed: {Cause}")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, string interaction, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: command handler failed for {Interaction}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string interaction);
}
