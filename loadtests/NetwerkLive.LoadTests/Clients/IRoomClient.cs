namespace NetwerkLive.LoadTests.Clients;

/// <summary>One simulated attendee of a room, on our server or on the baseline hub.</summary>
internal interface IRoomClient : IAsyncDisposable
{
    /// <summary>Chat text as it arrives, on SignalR's receive loop: handlers must be short.</summary>
    event Action<string>? MessageReceived;

    Task ConnectAndJoinAsync(CancellationToken ct);

    Task SendAsync(string text);
}

/// <summary>A server under test that hands out ready-to-join clients (whatever sign-up it needs is done, untimed).</summary>
internal interface IRoomTarget : IAsyncDisposable
{
    Hosting.ServerCluster Cluster { get; }

    Task<IReadOnlyList<IRoomClient>> PrepareClientsAsync(int count, int concurrency, CancellationToken ct);

    /// <summary>
    /// Waits until what the joins set off has reached every client, so a measurement that follows does
    /// not queue behind it. True when settled within <paramref name="timeout"/>.
    /// </summary>
    Task<bool> SettleAsync(IReadOnlyList<IRoomClient> clients, int present, TimeSpan timeout, CancellationToken ct);
}
