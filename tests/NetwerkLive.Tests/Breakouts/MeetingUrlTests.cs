using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>The video link each group gets: the event's template with a room of the group's own.</summary>
public sealed class MeetingUrlTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string Prefix = "https://meet.jit.si/netwerk-";

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task EachGroupMeetsInAnUnguessableRoomOfItsOwnMadeFromTheTemplate(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol,
            new CreateEventRequest("Bedrijvenkring live", null, Prefix + "{room}"));
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk", "Eva", "Fien", "Gijs");

        var round = await host.Connection.StartRound(600, 2);
        var assignments = await attendees.AssignmentsAsync(round.RoundId);

        var urlPerGroup = assignments.Values.GroupBy(a => a.GroupId).ToDictionary(g => g.Key, g => g.Select(a => a.MeetingUrl).Distinct().Single());
        Assert.Equal(3, urlPerGroup.Count);
        Assert.Equal(urlPerGroup.Count, urlPerGroup.Values.Distinct().Count());
        foreach (var (groupId, url) in urlPerGroup)
        {
            Assert.NotNull(url);
            Assert.StartsWith(Prefix, url, StringComparison.Ordinal);
            var room = url[Prefix.Length..];
            // At least 80 random bits in a URL-safe alphabet, and not made of ids others in the event are told.
            Assert.Matches("^[a-z2-7]{16,}$", room);
            Assert.DoesNotContain(groupId, room, StringComparison.Ordinal);
            Assert.DoesNotContain(round.RoundId, room, StringComparison.Ordinal);
            Assert.DoesNotContain(live.Id, room, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithoutATemplateTheMeetingUrlIsNull()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.Json);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob");

        var round = await host.Connection.StartRound(600, 2);

        Assert.All((await attendees.AssignmentsAsync(round.RoundId)).Values, a => Assert.Null(a.MeetingUrl));
    }

    [Fact]
    public async Task ALateJoinerGetsTheMeetingUrlOfTheGroupTheyJoin()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack,
            new CreateEventRequest("Bedrijvenkring live", null, Prefix + "{room}"));
        var (host, _) = await live.JoinAsHostAsync();
        var pair = await live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(600, 2);
        var before = await pair[0].BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);

        var (cas, _) = await live.JoinAsync("Cas", "Cas BV");

        var joined = await cas.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        Assert.Equal(before.GroupId, joined.GroupId);
        Assert.Equal(before.MeetingUrl, joined.MeetingUrl);
    }
}
