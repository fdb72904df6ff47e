using NetwerkLive.LoadTests.Measurement;

namespace NetwerkLive.LoadTests.Clients;

internal static class ClientPool
{
    /// <summary>Closes thousands of connections side by side, and gives up on stragglers after a while.</summary>
    public static async Task DisposeAllAsync(IEnumerable<IAsyncDisposable> clients)
    {
        var all = clients.ToArray();
        var closing = Bounded.ForAsync(all.Length, 64, async (i, _) =>
        {
            try
            {
                await all[i].DisposeAsync();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
            {
                // The server may be gone already: a connection that cannot close cleanly is closed anyway.
            }
        }, CancellationToken.None);
        await Bounded.WithinAsync(closing, TimeSpan.FromSeconds(30), CancellationToken.None);
    }
}
