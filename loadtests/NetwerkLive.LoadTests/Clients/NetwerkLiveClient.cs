using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.LoadTests.Measurement;

namespace NetwerkLive.LoadTests.Clients;

/// <summary>An attendee (or the host) on our server, through the typed client.</summary>
internal sealed class NetwerkLiveClient : IRoomClient
{
    private int _highestCount;

    public NetwerkLiveClient(EventConnection connection, string attendeeId, ConnectionSettings settings)
    {
        Connection = connection;
        AttendeeId = attendeeId;
        settings.Configure(connection.Connection);
        connection.ChatReceived += message => MessageReceived?.Invoke(message.Text);
        connection.PresenceChanged += change =>
        {
            Interlocked.Increment(ref _presenceMessages);
            SeeCount(change.AttendeeCount);
        };
    }

    public event Action<string>? MessageReceived;

    /// <summary>Raised once, when this client first learns that at least <see cref="CountToSee"/> attendees are present.</summary>
    public event Action<NetwerkLiveClient>? CountSeen;

    public EventConnection Connection { get; }

    public string AttendeeId { get; }

    public int CountToSee { get; private set; } = int.MaxValue;

    /// <summary>Sets the count to wait for; raises <see cref="CountSeen"/> at once if it is already known.</summary>
    public void Expect(int count)
    {
        var known = HighestCount;
        var before = CountToSee;
        CountToSee = count;
        if (before > known && known >= count)
        {
            CountSeenAt = Stamp.Now;
            CountSeen?.Invoke(this);
        }
    }

    public long CountSeenAt { get; private set; }

    /// <summary>The highest attendee count this client has been told of.</summary>
    public int HighestCount => Volatile.Read(ref _highestCount);

    public long PresenceMessages => Interlocked.Read(ref _presenceMessages);

    private long _presenceMessages;

    public async Task ConnectAndJoinAsync(CancellationToken ct)
    {
        await Connection.StartAsync(ct);
        var joined = await Connection.Join();
        // The last to join learn the final count from their snapshot rather than from a later PresenceChanged.
        SeeCount(joined.AttendeeCount);
    }

    public Task SendAsync(string text) => Connection.SendChat(text);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void SeeCount(int count)
    {
        int before;
        do
        {
            before = _highestCount;
            if (count <= before)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _highestCount, count, before) != before);
        if (before < CountToSee && count >= CountToSee)
        {
            CountSeenAt = Stamp.Now;
            CountSeen?.Invoke(this);
        }
    }
}
