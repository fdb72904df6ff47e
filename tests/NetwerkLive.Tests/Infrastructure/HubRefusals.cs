namespace NetwerkLive.Tests.Infrastructure;

/// <summary>What a client sees of a refused hub call, exactly: SignalR wraps the server's sentence in a fixed frame.</summary>
public static class HubRefusals
{
    /// <summary>The HubException message a client gets when <paramref name="method"/> was refused with <paramref name="sentence"/>.</summary>
    public static string Message(string method, string sentence) =>
        $"An unexpected error occurred invoking '{method}' on the server. HubException: {sentence}";
}
