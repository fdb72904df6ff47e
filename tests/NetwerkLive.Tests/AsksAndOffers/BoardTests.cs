using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.AsksAndOffers;

/// <summary>
/// GetBoard: everyone registered with an ask or an offer, newest registration first, present or not; never the host,
/// someone removed, or someone blocked either way. On a fake clock, so each registration has a time of its own.
/// </summary>
public class BoardTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static readonly AskOffer Ask = new("Een accountant die startups snapt", []);
    private static readonly AskOffer Offer = new("Advies over zonnepanelen", []);

    /// <summary>Registers one second after the previous registration, and joins unless told not to.</summary>
    private async Task<(string AttendeeId, string Token, TestClient? Client)> RegisterAsync(string eventId, string name, AskOffer? ask, AskOffer? offer,
        bool join = true)
    {
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var registration = await factory.Api.RegisterAsync(eventId, new RegisterAttendeeRequest(name, Ask: ask, Offer: offer));
        if (!join)
        {
            return (registration.AttendeeId, registration.Token, null);
        }
        var (client, _) = await factory.ConnectAsync(registration.AttendeeId, registration.Token);
        return (registration.AttendeeId, registration.Token, client);
    }

    [Fact]
    public async Task TheBoardListsEveryoneWithAnAskOrOfferNewestFirstAbsentPeopleIncluded()
    {
        var created = await factory.CreateEventAsync();
        var ann = await RegisterAsync(created.EventId, "Ann", Ask, null);
        var bob = await RegisterAsync(created.EventId, "Bob", null, null);
        var cas = await RegisterAsync(created.EventId, "Cas", null, Offer, join: false);
        var dirk = await RegisterAsync(created.EventId, "Dirk", Ask, Offer);
        await using var _ = ann.Client!;
        await using var __ = bob.Client!;
        await using var ___ = dirk.Client!;

        var board = await dirk.Client!.Connection.GetBoard();

        Assert.Equal([(dirk.AttendeeId, true), (cas.AttendeeId, false), (ann.AttendeeId, true)], board.Select(e => (e.Attendee.Id, e.Present)));
        Assert.Equal("Advies over zonnepanelen", board[1].Attendee.Offer!.Text);
    }

    [Fact]
    public async Task TheHostAndSomeoneRemovedAreNotOnTheBoard()
    {
        var created = await factory.CreateEventAsync();
        var (host, _) = await factory.JoinAsHostAsync(created);
        await using var _ = host;
        await host.Connection.SetAskAndOffer(Ask, null);
        var ann = await RegisterAsync(created.EventId, "Ann", Ask, null);
        var bob = await RegisterAsync(created.EventId, "Bob", null, Offer);
        await using var __ = ann.Client!;
        await using var ___ = bob.Client!;

        await host.Connection.RemoveAttendee(bob.AttendeeId);

        Assert.Equal([ann.AttendeeId], (await ann.Client!.Connection.GetBoard()).Select(e => e.Attendee.Id));
    }

    [Fact]
    public async Task SomeoneBlockedEitherWayIsNotOnTheBoardOfTheOther()
    {
        var created = await factory.CreateEventAsync();
        var ann = await RegisterAsync(created.EventId, "Ann", Ask, null);
        var bob = await RegisterAsync(created.EventId, "Bob", null, Offer);
        var cas = await RegisterAsync(created.EventId, "Cas", null, Offer);
        await using var _ = ann.Client!;
        await using var __ = bob.Client!;
        await using var ___ = cas.Client!;

        await ann.Client!.Connection.BlockAttendee(bob.AttendeeId);

        Assert.Equal([cas.AttendeeId, ann.AttendeeId], (await ann.Client.Connection.GetBoard()).Select(e => e.Attendee.Id));
        Assert.Equal([cas.AttendeeId, bob.AttendeeId], (await bob.Client!.Connection.GetBoard()).Select(e => e.Attendee.Id));
        Assert.Equal(3, (await cas.Client!.Connection.GetBoard()).Length);
    }
}

/// <summary>The same with the server in Redis mode: the board is read from the event's index of asks and offers.</summary>
public sealed class BoardOnRedisTests(RedisFakeClockFactory factory) : BoardTests(factory), IClassFixture<RedisFakeClockFactory>;

/// <summary>A server whose board holds two people (AfterLive:BoardSize).</summary>
public class SmallBoardFactory : FakeClockFactory
{
    public SmallBoardFactory() => With("AfterLive:BoardSize", "2");
}

public sealed class SmallBoardOnRedisFactory : SmallBoardFactory
{
    public SmallBoardOnRedisFactory() => OnRedis();
}

/// <summary>AfterLive:BoardSize caps the board at the newest registrations.</summary>
public class BoardSizeTests(SmallBoardFactory factory) : IClassFixture<SmallBoardFactory>
{
    [Fact]
    public async Task TheBoardHoldsAtMostBoardSizePeopleTheNewestRegistrations()
    {
        var created = await factory.CreateEventAsync();
        var ids = new List<string>();
        foreach (var name in new[] { "Ann", "Bob", "Cas" })
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            ids.Add((await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest(name, Ask: new AskOffer("Een accountant", [])))).AttendeeId);
        }
        var (host, _) = await factory.JoinAsHostAsync(created);
        await using var _ = host;

        var board = await host.Connection.GetBoard();

        Assert.Equal([ids[2], ids[1]], board.Select(e => e.Attendee.Id));
    }

    [Fact]
    public async Task SomeoneHiddenByABlockDoesNotTakeAPlaceOnAFullBoard()
    {
        var created = await factory.CreateEventAsync();
        var people = new List<(string AttendeeId, string Token)>();
        foreach (var name in new[] { "Ann", "Bob", "Cas" })
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var registration = await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest(name, Ask: new AskOffer("Een accountant", [])));
            people.Add((registration.AttendeeId, registration.Token));
        }
        var (ann, _) = await factory.ConnectAsync(people[0].AttendeeId, people[0].Token);
        var (cas, _) = await factory.ConnectAsync(people[2].AttendeeId, people[2].Token);
        await using var _ = ann;
        await using var __ = cas;

        await cas.Connection.BlockAttendee(people[0].AttendeeId);

        Assert.Equal([people[1].AttendeeId, people[0].AttendeeId], (await ann.Connection.GetBoard()).Select(e => e.Attendee.Id));
    }
}

public sealed class BoardSizeOnRedisTests(SmallBoardOnRedisFactory factory) : BoardSizeTests(factory), IClassFixture<SmallBoardOnRedisFactory>;
