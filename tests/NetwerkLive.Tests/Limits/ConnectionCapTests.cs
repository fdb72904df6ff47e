using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Limits;

/// <summary>One attendee token holds at most five hub connections at once (the default).</summary>
public sealed class ConnectionCapTests : IAsyncLifetime, IDisposable
{
    private readonly FakeClockFactory _factory = new();
    private readonly List<TestClient> _clients = [];
    private LiveEvent _live = null!;

    public async Task InitializeAsync()
    {
        _factory.WithDefaultLimits();
        _live = await LiveEvent.CreateAsync(_factory, HubProtocol.MessagePack);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        await _live.DisposeAsync();
    }

    // The clients are closed first (DisposeAsync); then the server.
    public void Dispose() => _factory.Dispose();

    private async Task<TestClient> OpenAsync(TestClient of)
    {
        var client = new TestClient(_factory.Connect(of.Token), of.AttendeeId, of.Token);
        _clients.Add(client);
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>The sentence the server closed the connection with (at once or just after the handshake).</summary>
    private static async Task<string> RefusalOfAsync(Func<Task<TestClient>> open)
    {
        try
        {
            var client = await open();
            var closed = await client.Closed.WaitForAny();
            return closed?.Message ?? "closed without an error";
        }
        catch (Exception ex)
        {
            return ex.Message;
        }
    }

    [Fact]
    public async Task ASixthConnectionWithOneTokenIsClosedWithASentence()
    {
        var (bob, _) = await _live.JoinAsync("Bob");
        for (var i = 0; i < 4; i++)
        {
            // A connection takes its slot after the handshake, before its first call is handled: the call makes sure each
            // holds one before the sixth comes (else the sixth may win the last slot and an earlier one is closed).
            await (await OpenAsync(bob)).Connection.Join();
        }

        var refusal = await RefusalOfAsync(() => OpenAsync(bob));

        Assert.Contains("This event is already open in 5 tabs or devices with your registration, the most allowed. Close one of them and reload this page.", refusal);
        Assert.Empty(bob.Closed.Items);
    }

    [Fact]
    public async Task AClosedConnectionFreesItsSlot()
    {
        var (bob, _) = await _live.JoinAsync("Bob");
        var tabs = new List<TestClient>();
        for (var i = 0; i < 4; i++)
        {
            tabs.Add(await OpenAsync(bob));
        }

        await tabs[0].DisposeAsync();
        await _factory.Disconnected.WaitFor(id => id == bob.AttendeeId);
        var again = await OpenAsync(bob);

        Assert.Equal(bob.AttendeeId, (await again.Connection.Join()).Self.Id);
    }

    [Fact]
    public async Task OneAttendeesFiveConnectionsDoNotLimitAnother()
    {
        var (bob, _) = await _live.JoinAsync("Bob");
        for (var i = 0; i < 4; i++)
        {
            await OpenAsync(bob);
        }

        var (ann, join) = await _live.JoinAsync("Ann");

        Assert.Equal(ann.AttendeeId, join.Self.Id);
    }
}
