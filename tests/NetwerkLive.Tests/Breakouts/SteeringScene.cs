using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>What the tests of the host's steering share: connections in a language, and a refusal's exact words.</summary>
public static class SteeringScene
{
    /// <summary>A tab of the host's console opened in <paramref name="lang"/> (<c>?lang=</c>, as the browser client asks).</summary>
    public static async Task<TestClient> HostInAsync(this LiveEvent live, NetwerkLiveFactory factory, string lang)
    {
        var host = new TestClient(factory.Connect(live.Created.HostToken, live.Protocol, lang: lang), "", live.Created.HostToken);
        await host.Connection.StartAsync();
        host.AttendeeId = (await host.Connection.Join()).Self.Id;
        return host;
    }

    /// <summary>A new attendee who joined in <paramref name="lang"/>.</summary>
    public static async Task<TestClient> AttendeeInAsync(this LiveEvent live, NetwerkLiveFactory factory, string name, string lang)
    {
        var registration = await factory.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest(name, name + " BV"));
        var client = new TestClient(factory.Connect(registration.Token, live.Protocol, lang: lang), registration.AttendeeId, registration.Token);
        await client.Connection.StartAsync();
        await client.Connection.Join();
        return client;
    }

    /// <summary>Exactly what the client reads when <paramref name="method"/> is refused: the server's sentence in SignalR's frame.</summary>
    public static async Task<string> RefusalAsync(Func<Task> call) => (await Assert.ThrowsAsync<HubException>(call)).Message;

    /// <summary>Everyone's pushes so far have arrived: an announcement sent after them reached each client.</summary>
    public static async Task SettleAsync(TestClient host, params TestClient[] clients)
    {
        var marker = "marker " + Guid.NewGuid().ToString("N");
        await host.Connection.Announce(marker);
        await Task.WhenAll(clients.Select(c => c.Announcements.WaitFor(a => a.Text == marker)));
    }
}
