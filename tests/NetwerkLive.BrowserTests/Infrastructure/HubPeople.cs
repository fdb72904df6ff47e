using System.Collections.Concurrent;
using NetwerkLive.Client;
using NetwerkLive.Contracts;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// An attendee as a real .NET SignalR client (registered over the HTTP API, connected, joined) for tests where the
/// browser under test is the host console: much cheaper than a page each, and just as real to the server.
/// </summary>
public sealed class HubPerson : IAsyncDisposable
{
    private HubPerson(Person person, string attendeeId, EventConnection connection)
    {
        Person = person;
        AttendeeId = attendeeId;
        Connection = connection;
        connection.BreakoutStarted += assignment => Breakouts.Enqueue(assignment);
    }

    public Person Person { get; }
    public string AttendeeId { get; }
    public EventConnection Connection { get; }

    /// <summary>Every BreakoutStarted this person received, in order.</summary>
    public ConcurrentQueue<BreakoutAssignment> Breakouts { get; } = new();

    public static async Task<HubPerson> JoinAsync(Scene scene, EventLinks ev, Person person)
    {
        using var http = new HttpClient { BaseAddress = scene.BaseAddress };
        var interests = person.Interests?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var registered = await new NetwerkLiveApi(http).RegisterAsync(ev.EventId, new RegisterAttendeeRequest(person.Name, person.Company, interests, person.Contact));
        var connection = EventConnection.Create(scene.BaseAddress, registered.Token);
        await connection.StartAsync();
        await connection.Join();
        return new HubPerson(person, registered.AttendeeId, connection);
    }

    /// <summary>The host of the event as a .NET client (with the host link's token), to ask the hub what it answers.</summary>
    public static async Task<EventConnection> HostAsync(Scene scene, EventLinks ev)
    {
        var token = Uri.UnescapeDataString(ev.HostLink.Fragment["#token=".Length..]);
        var connection = EventConnection.Create(scene.BaseAddress, token);
        await connection.StartAsync();
        await connection.Join();
        return connection;
    }

    /// <summary>
    /// The next BreakoutStarted that matches (any, or one with <paramref name="partnerId"/> as a partner); ask before
    /// the action that causes it. Fails after the expectation timeout.
    /// </summary>
    public async Task<BreakoutAssignment> NextBreakoutAsync(string? partnerId = null)
    {
        var started = new TaskCompletionSource<BreakoutAssignment>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStarted(BreakoutAssignment a)
        {
            if (partnerId is null || a.Partners.Any(p => p.Id == partnerId))
            {
                started.TrySetResult(a);
            }
        }
        Connection.BreakoutStarted += OnStarted;
        try
        {
            return await started.Task.WaitAsync(TimeSpan.FromMilliseconds(Timeouts.Expect));
        }
        finally
        {
            Connection.BreakoutStarted -= OnStarted;
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    public override string ToString() => Person.Name;
}

/// <summary>Several <see cref="HubPerson"/>s that join together and leave together.</summary>
public sealed class HubPeople(IReadOnlyList<HubPerson> people) : IAsyncDisposable
{
    public IReadOnlyList<HubPerson> All { get; } = people;

    public HubPerson this[int index] => All[index];

    public static async Task<HubPeople> JoinAsync(Scene scene, EventLinks ev, params Person[] people) =>
        new(await Task.WhenAll(people.Select(person => HubPerson.JoinAsync(scene, ev, person))));

    public async ValueTask DisposeAsync()
    {
        foreach (var person in All)
        {
            await person.DisposeAsync();
        }
    }
}
