using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Limits;

/// <summary>
/// Fresh registrations from one network do not each bring a fresh chat budget: everyone registered from
/// one client address shares 15 messages per 5 s in an event (on a fake clock: no refill during a test).
/// </summary>
public sealed class ChatPerClientTests : IAsyncLifetime, IDisposable
{
    private readonly FakeClockFactory _factory = new();
    private readonly List<TestClient> _clients = [];
    private string _eventId = "";

    public async Task InitializeAsync()
    {
        _factory.WithDefaultLimits();
        _eventId = (await _factory.ApiFrom("192.0.2.200").CreateEventAsync(new CreateEventRequest("Bedrijvenkring live"))).EventId;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    // The clients are closed first (DisposeAsync); then the server.
    public void Dispose() => _factory.Dispose();

    private async Task<TestClient> JoinFromAsync(string clientAddress, string name)
    {
        var registration = await _factory.ApiFrom(clientAddress).RegisterAsync(_eventId, new RegisterAttendeeRequest(name));
        var client = new TestClient(_factory.Connect(registration.Token, clientAddress: clientAddress), registration.AttendeeId, registration.Token);
        _clients.Add(client);
        await client.Connection.StartAsync();
        await client.Connection.Join();
        return client;
    }

    private static async Task<int> SendBurstAsync(TestClient client, int messages)
    {
        var passed = 0;
        for (var i = 0; i < messages; i++)
        {
            try
            {
                await client.Connection.SendChat($"Bericht {i}");
                passed++;
            }
            catch (HubException)
            {
            }
        }
        return passed;
    }

    [Fact]
    public async Task ThirtyFreshRegistrationsFromOneClientShareFifteenMessages()
    {
        var attendees = new List<TestClient>();
        for (var i = 0; i < 30; i++)
        {
            attendees.Add(await JoinFromAsync("203.0.113.7", $"Sokpop {i}"));
        }

        var passed = 0;
        foreach (var attendee in attendees)
        {
            passed += await SendBurstAsync(attendee, 5);
        }

        Assert.Equal(15, passed);
    }

    [Fact]
    public async Task TheRefusalSaysTheMessagesComeFromOneNetwork()
    {
        var attendees = new List<TestClient>();
        for (var i = 0; i < 4; i++)
        {
            attendees.Add(await JoinFromAsync("203.0.113.7", $"Sokpop {i}"));
        }
        for (var i = 0; i < 3; i++)
        {
            await SendBurstAsync(attendees[i], 5);
        }

        var refusal = await Assert.ThrowsAsync<HubException>(() => attendees[3].Connection.SendChat("Nog eentje"));

        Assert.Contains("Too many messages come from your network in this event: at most 15 per 5 seconds for everyone on it together. Wait a moment and try again; your message was not sent.", refusal.Message);
    }

    [Fact]
    public async Task AnAttendeeOnAnotherNetworkKeepsTheirWholeChatBudget()
    {
        for (var i = 0; i < 3; i++)
        {
            await SendBurstAsync(await JoinFromAsync("203.0.113.7", $"Sokpop {i}"), 5);
        }

        var elsewhere = await JoinFromAsync("198.51.100.9", "Ann");

        Assert.Equal(5, await SendBurstAsync(elsewhere, 5));
    }
}
