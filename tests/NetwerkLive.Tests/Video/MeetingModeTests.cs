using System.Net;
using System.Text;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Breakouts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Video;

/// <summary>
/// The host chooses at creation how breakouts meet: in the page (the default), on the external link, or both. The
/// event keeps the choice (GET and Join say it), breakouts get the link only when it is used, and a choice that
/// needs a link it was not given is a 400 naming the field, in the reader's language.
/// </summary>
public class MeetingModeTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string Template = "https://meet.jit.si/netwerk-{room}";

    /// <summary>The mode as GET and as Join() tell it, and the meeting link of a breakout of the event.</summary>
    private async Task<(string Get, string Join, string? MeetingUrl)> CreateAndMeetAsync(string? mode, string? template)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack,
            new CreateEventRequest("Bedrijvenkring live", MeetingUrlTemplate: template, MeetingMode: mode));
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, join) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Sweco");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await new[] { ann, bob }.AssignmentsAsync(round.RoundId);
        return ((await live.GetAsync()).MeetingMode, join.Event.MeetingMode, assignments[ann.AttendeeId].MeetingUrl);
    }

    [Fact]
    public async Task WithoutAModeOrALinkBreakoutsMeetInThePage()
    {
        var (get, join, url) = await CreateAndMeetAsync(null, null);

        Assert.Equal((MeetingModes.InPage, MeetingModes.InPage, null), (get, join, url));
    }

    [Fact]
    public async Task ALinkWithoutAModeMeansBothSoAnOlderClientKeepsItsLinkAndGainsTheCall()
    {
        var (get, join, url) = await CreateAndMeetAsync(null, Template);

        Assert.Equal((MeetingModes.Both, MeetingModes.Both), (get, join));
        Assert.StartsWith("https://meet.jit.si/netwerk-", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExternalModeGivesBreakoutsTheLink()
    {
        var (get, join, url) = await CreateAndMeetAsync(MeetingModes.External, Template);

        Assert.Equal((MeetingModes.External, MeetingModes.External), (get, join));
        Assert.StartsWith("https://meet.jit.si/netwerk-", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInPageModeGivesBreakoutsNoLinkEvenWhenATemplateWasSent()
    {
        var (get, join, url) = await CreateAndMeetAsync(MeetingModes.InPage, Template);

        Assert.Equal((MeetingModes.InPage, MeetingModes.InPage, null), (get, join, url));
    }

    public static TheoryData<string, string?, string, string> Refused => new()
    {
        { "external", "en", "meetingUrlTemplate", "Breakouts that meet on an external link need that link: fill in the meeting URL template, or choose the video call in the page." },
        { "both", "en", "meetingUrlTemplate", "Breakouts that meet on an external link need that link: fill in the meeting URL template, or choose the video call in the page." },
        { "both", "nl", "meetingUrlTemplate", "Ont-moetingen via een externe link hebben die link nodig: vul het sjabloon voor het adres van de videogesprekken in, of kies het videogesprek in de pagina." },
        { "video", "en", "meetingMode", "The meeting mode must be \"inPage\" (a video call in the page), \"external\" (the meeting link) or \"both\"." },
        { "InPage", "nl", "meetingMode", "Kies hoe de ont-moetingen gaan: \"inPage\" (videogesprek in de pagina), \"external\" (de link naar een vergaderdienst) of \"both\" (allebei)." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AModeThatIsUnknownOrNeedsAMissingLinkIsA400NamingTheField(string mode, string? lang, string field, string explanation)
    {
        using var http = factory.CreateClient();
        using var content = new StringContent($$"""{ "title": "Live", "meetingMode": "{{mode}}" }""", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/api/events?lang=" + lang, UriKind.Relative), content);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(explanation, Assert.Single(errors.EnumerateObject(), e => e.Name == field).Value[0].GetString());
        Assert.Single(errors.EnumerateObject());
    }
}

/// <summary>The same with the Redis event store: the choice is kept in the stored event.</summary>
public sealed class MeetingModeOnRedisTests(RedisNetwerkLiveFactory factory) : MeetingModeTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
