using System.Net.Http.Headers;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Breakouts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Coffees;

/// <summary>
/// Ann and Bob met in a round (ended since) and both asked to follow up, so they have a coffee to plan; Cas is in the
/// event too. A server of its own on a fake clock, so coffee times can come and pass.
/// </summary>
public sealed class CoffeeScene : IAsyncDisposable
{
    public const long Minute = 60_000;

    private CoffeeScene(ClockedEvent ev, TestClient host, TestClient ann, TestClient bob, TestClient cas, CoffeeDate annSees, CoffeeDate bobSees)
    {
        (Ev, Host, Ann, Bob, Cas, AnnSees, BobSees) = (ev, host, ann, bob, cas, annSees, bobSees);
    }

    public ClockedEvent Ev { get; }
    public TestClient Host { get; }
    public TestClient Ann { get; }
    public TestClient Bob { get; }
    public TestClient Cas { get; }

    /// <summary>The coffee as it was made, as each of the two got it.</summary>
    public CoffeeDate AnnSees { get; }
    public CoffeeDate BobSees { get; }

    public string DateId => AnnSees.DateId;

    public long Now => Ev.Now;

    public static async Task<CoffeeScene> CreateAsync(bool onRedis)
    {
        var ev = await ClockedEvent.CreateAsync(onRedis: onRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var (ann, _) = await ev.Live.JoinAsync("Ann", "Hoya", contact: "ann@hoya.example");
        var (bob, _) = await ev.Live.JoinAsync("Bob", "Bakkerij Bos", contact: "bob@bos.example");
        var (cas, _) = await ev.Live.JoinAsync("Cas", "Coöperatie Zuid", contact: "cas@zuid.example");
        await cas.Connection.SetAvailable(false);
        var round = await host.Connection.StartRound(60, 2);
        await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await bob.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await host.Connection.EndRound();
        await ann.BreakoutEnded.WaitFor(e => e.RoundId == round.RoundId);
        await bob.BreakoutEnded.WaitFor(e => e.RoundId == round.RoundId);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);
        var annSees = await ann.CoffeeDates.WaitForAny();
        var bobSees = await bob.CoffeeDates.WaitForAny();
        return new CoffeeScene(ev, host, ann, bob, cas, annSees, bobSees);
    }

    /// <summary>A second connection of <paramref name="who"/> in Dutch (<c>?lang=nl</c>), in the zone <paramref name="tz"/> names if any, joined.</summary>
    public async Task<TestClient> InDutchAsync(TestClient who, string? tz = null)
    {
        var tab = new TestClient(Ev.Factory.Connect(who.Token, Ev.Live.Protocol, lang: "nl", tz: tz), who.AttendeeId, who.Token);
        _tabs.Add(tab);
        await tab.Connection.StartAsync();
        await tab.Connection.Join();
        return tab;
    }

    /// <summary>Another connection of <paramref name="who"/> (English), joined: what a reload gets.</summary>
    public async Task<JoinResult> RejoinAsync(TestClient who) => (await Ev.Live.OpenTabAsync(who)).Join;

    /// <summary>Ann proposes a time <paramref name="minutesAhead"/> from now and Bob accepts it: the coffee is agreed.</summary>
    public async Task<CoffeeDate> AgreeAsync(int minutesAhead = 60)
    {
        var at = Now + (minutesAhead * Minute);
        await Ann.Connection.ProposeCoffeeTimes(DateId, [at]);
        return await Bob.Connection.AcceptCoffeeTime(DateId, at);
    }

    /// <summary>An agreed coffee whose room has opened, Ann entered first and Bob after her: the coffee and Ann's room.</summary>
    public async Task<(CoffeeDate Agreed, BreakoutAssignment Room)> BothInTheRoomAsync()
    {
        var agreed = await AgreeAsync();
        Ev.AdvanceTo(agreed.RoomOpensAt!.Value);
        var room = await Ann.Connection.EnterCoffeeRoom(DateId);
        await Bob.Connection.EnterCoffeeRoom(DateId);
        return (agreed, room);
    }

    public async Task<HttpResponseMessage> GetCalendarAsync(string token, string query, string? dateId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events/{Ev.Live.Id}/coffees/{dateId ?? DateId}/calendar.ics{query}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Ev.Factory.CreateClient().SendAsync(request);
    }

    private readonly List<TestClient> _tabs = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var tab in _tabs)
        {
            await tab.DisposeAsync();
        }
        await Ev.DisposeAsync();
    }
}
