using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Chat;

/// <summary>
/// Checks and stores chat messages. Delivery is not done here: the store publishes every appended message
/// on its feed in seq order, and <see cref="ChatRelay"/> on each node hands it to that node's connections.
/// </summary>
public sealed class ChatService(IChatStore chat, IEventStore events, IRateBudgets budgets, LimitRules rules, TimeProvider time, IOptions<RoomOptions> options)
{
    private readonly RoomOptions _options = options.Value;

    public async Task<ChatMessage> SendAsync(RoomMember sender, string? text)
    {
        var checkedText = CheckText(text, Texts.Get("Field.ChatMessage"), _options);
        // The budget first: a flood is refused before it costs the store a read per message.
        await TakeTokenAsync(budgets, rules, sender);
        // After the live part the room's chat is read-only unless the host kept it open.
        if (await events.GetEventAsync(sender.EventId) is { ChatOpen: false })
        {
            throw new HubException(Texts.Get("AfterLive.ChatClosed"));
        }
        var message = await chat.AppendAsync(sender.EventId, sender.AttendeeId, sender.DisplayName, checkedText, time.GetUtcNow().ToUnixTimeMilliseconds());
        return message;
    }

    public async Task<ChatMessage[]> GetSinceAsync(RoomMember member, long afterSeq, int limit)
    {
        if (afterSeq < 0)
        {
            throw new HubException(Texts.Get("Chat.NegativeAfterSeq"));
        }
        if (limit < 1)
        {
            throw new HubException(Texts.Format("Chat.LimitTooSmall", _options.ChatSinceCap));
        }
        var messages = await chat.GetSinceAsync(member.EventId, afterSeq, Math.Min(limit, _options.ChatSinceCap));
        return [.. messages];
    }

    /// <summary>The trimmed text, or a HubException saying what is wrong with it.</summary>
    public static string CheckText(string? text, string what, RoomOptions options)
    {
        // Windows line ends become plain ones, and surrounding space does not count towards the limit.
        var cleaned = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var error = TextRules.CheckRequired(cleaned, what, options.MaxChatLength, allowLineBreaks: true);
        return error is null ? cleaned! : throw new HubException(error);
    }

    /// <summary>Room and breakout chat share one budget per attendee (and one per client in the event).</summary>
    public static async Task TakeTokenAsync(IRateBudgets budgets, LimitRules rules, RoomMember sender)
    {
        if (await budgets.TryTakeAsync(rules.ForChat(sender)) is { } refusal)
        {
            throw new HubException(rules.Explain(refusal));
        }
    }
}
