using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>One push as it arrived: the client method's name and its payload.</summary>
public sealed record Push(string Name, object Payload);

/// <summary>
/// Every push one connection receives, in arrival order. The client's inboxes keep each kind apart;
/// this keeps the order between kinds, which is what a client's screen depends on. Await pushes here
/// (not on the inboxes) before reading <see cref="Items"/>, so the log is known to hold them.
/// </summary>
public sealed class PushLog
{
    private readonly Inbox<Push> _pushes = new();

    public PushLog(TestClient client)
    {
        var c = client.Connection;
        c.PresenceChanged += p => _pushes.Add(new Push(nameof(c.PresenceChanged), p));
        c.ChatReceived += m => _pushes.Add(new Push(nameof(c.ChatReceived), m));
        c.ChatDeleted += s => _pushes.Add(new Push(nameof(c.ChatDeleted), s));
        c.AnnouncementReceived += a => _pushes.Add(new Push("Announcement", a));
        c.Removed += r => _pushes.Add(new Push(nameof(c.Removed), r));
        c.RoundStarted += r => _pushes.Add(new Push(nameof(c.RoundStarted), r));
        c.RoundEnded += r => _pushes.Add(new Push(nameof(c.RoundEnded), r));
        c.BreakoutStarted += a => _pushes.Add(new Push(nameof(c.BreakoutStarted), a));
        c.BreakoutWaiting += n => _pushes.Add(new Push(nameof(c.BreakoutWaiting), n));
        c.BreakoutEnding += n => _pushes.Add(new Push(nameof(c.BreakoutEnding), n));
        c.BreakoutExtended += n => _pushes.Add(new Push(nameof(c.BreakoutExtended), n));
        c.BreakoutEnded += n => _pushes.Add(new Push(nameof(c.BreakoutEnded), n));
        c.PartnerLeft += n => _pushes.Add(new Push(nameof(c.PartnerLeft), n));
        c.ExtensionProposed += n => _pushes.Add(new Push(nameof(c.ExtensionProposed), n));
        c.BreakoutChatReceived += m => _pushes.Add(new Push(nameof(c.BreakoutChatReceived), m));
        c.BreakoutBroadcast += a => _pushes.Add(new Push(nameof(c.BreakoutBroadcast), a));
        c.FollowUpMatched += m => _pushes.Add(new Push(nameof(c.FollowUpMatched), m));
    }

    /// <summary>The first push of this kind whose payload matches.</summary>
    public async Task<T> WaitFor<T>(string name, Func<T, bool>? match = null)
    {
        var push = await _pushes.WaitFor(p => p.Name == name && p.Payload is T payload && (match is null || match(payload)));
        return (T)push.Payload;
    }

    /// <summary>The names of the pushes received so far, in order.</summary>
    public IReadOnlyList<Push> Items => _pushes.Items;

    /// <summary>The names of the pushes received so far, in order.</summary>
    public IReadOnlyList<string> Names => [.. Items.Select(p => p.Name)];
}
