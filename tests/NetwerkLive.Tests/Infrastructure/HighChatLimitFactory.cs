namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// A server whose chat rate limit lets one attendee send hundreds of messages, for tests of chat
/// history that need more messages than 5 per 5 seconds allows.
/// </summary>
public sealed class HighChatLimitFactory : NetwerkLiveFactory
{
    public HighChatLimitFactory()
    {
        // The window must stay at least 10 ms per message (validated at start-up): 60 s / 1000 = 60 ms.
        With("Room:ChatMessagesPerWindow", "1000");
        With("Room:ChatWindow", "00:01:00");
    }
}
