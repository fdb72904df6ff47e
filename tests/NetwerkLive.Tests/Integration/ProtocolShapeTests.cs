using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>
/// Every hub payload has the same field names, camelCase, in the JSON and the MessagePack protocol,
/// with timestamps as integers: clients written against one protocol work with the other.
/// </summary>
public sealed partial class ProtocolShapeTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>, IAsyncLifetime
{
    private const long Now = 1_750_000_000_000;

    private readonly List<IAsyncDisposable> _cleanup = [];

    private static readonly Attendee SampleAttendee = new("a1", "Ann", "Hoya", ["water", "cleantech"], IsHost: false, Available: true, JoinedAt: Now)
    {
        Ask = new AskOffer("Wie kent de subsidieregels voor waterbouw?", ["water"]),
        Offer = new AskOffer("Ik help met aanbestedingen", ["bouw"]),
    };
    private static readonly ChatMessage SampleMessage = new(7, "a1", "Ann", "Hallo", Now);
    private static readonly BreakoutAssignment SampleAssignment = new("r1", "g1", [SampleAttendee], Now, "https://meet.jit.si/netwerk-abc") { ConnectionLost = ["a1"] };
    private static readonly BreakoutChatMessage SampleBreakoutMessage = new("r1", "g1", "a1", "Ann", "Hoi", Now);
    private static readonly FollowUpState SampleFollowUps = new(["a2"], [new FollowUpMatch(SampleAttendee, "+31612345678")]) { RequestedBy = [SampleAttendee] };
    private static readonly CoffeeDate SampleDate = new("d1", SampleAttendee, CoffeeDateStates.Agreed, [Now], [Now, Now], Now, Now, Now, CancelledByMe: null, ["a1"]);

    // The shapes docs/hub-contract.md lists, key by key (sorted), with the kind of every value: ids and texts are
    // strings, timestamps and counts integers. Built from each other as the contract builds its shapes.
    private const string AskOfferShape = """{"tags":[string],"text":string}""";
    private const string AttendeeShape = """{"ask":""" + AskOfferShape + ""","available":bool,"company":string,"displayName":string,"id":string,"interests":[string,string],"isHost":bool,"joinedAt":integer,"offer":""" + AskOfferShape + "}";
    private const string ChatMessageShape = """{"senderId":string,"senderName":string,"sentAt":integer,"seq":integer,"text":string}""";
    private const string EventSummaryShape = """{"allowOwnInterests":bool,"attendeeCount":integer,"chatOpen":bool,"description":string,"endedAt":integer,"eventId":string,"interestTags":[string,string],"liveAt":integer,"livestreamUrl":string,"meetingMode":string,"openUntil":integer,"replayUrl":string,"seriesKey":string,"startsAt":integer,"title":string}""";
    private const string AssignmentShape = """{"connectionLost":[string],"endsAt":integer,"groupId":string,"meetingUrl":string,"partners":[""" + AttendeeShape + """],"roundId":string}""";
    private const string AnnouncementShape = """{"sentAt":integer,"text":string}""";
    private const string BreakoutChatMessageShape = """{"groupId":string,"roundId":string,"senderId":string,"senderName":string,"sentAt":integer,"text":string}""";
    private const string FollowUpMatchShape = """{"attendee":""" + AttendeeShape + ""","contact":string}""";
    private const string FollowUpStateShape = """{"asked":[string],"matched":[""" + FollowUpMatchShape + """],"requestedBy":[""" + AttendeeShape + "]}";
    private const string CoffeeDateShape = """{"cancelledByMe":null,"dateId":string,"endsAt":integer,"entered":[string],"myTimes":[integer],"roomOpensAt":integer,"startsAt":integer,"state":string,"theirTimes":[integer,integer],"with":""" + AttendeeShape + "}";
    private const string IceServerShape = """{"credential":string,"urls":[string],"username":string}""";
    private const string RoundNoticeShape = """{"endsAt":integer,"groupCount":integer,"roundId":string}""";
    private const string OverviewPersonShape = """{"attendeeId":string,"company":string,"displayName":string}""";
    private const string OverviewMemberShape = """{"attendeeId":string,"company":string,"displayName":string,"state":string}""";
    private const string OverviewGroupShape = """{"endsAt":integer,"extensionVotes":[string],"groupId":string,"kind":string,"members":[""" + OverviewMemberShape + ""","""
        + OverviewMemberShape + """],"roundId":string,"startedAt":integer}""";
    private const string OverviewRoundShape = """{"endsAt":integer,"groupSize":integer,"number":integer,"roundId":string,"startedAt":integer}""";
    private const string OverviewCountsShape = """{"inBreakouts":integer,"open":integer,"present":integer,"waiting":integer}""";
    private const string BreakoutOverviewShape = """{"counts":""" + OverviewCountsShape + ""","generatedAt":integer,"groups":[""" + OverviewGroupShape + """],"round":"""
        + OverviewRoundShape + ""","satOut":[""" + OverviewPersonShape + """],"waiting":[""" + OverviewPersonShape + "]}";

    private static readonly EventSummary SampleSummary = new("e1", "Live", "https://example.org/live", 1, "s1")
    {
        StartsAt = Now,
        LiveAt = Now,
        Description = "Netwerken voor waterbouwers",
        InterestTags = ["water", "bouw"],
        EndedAt = Now,
        ReplayUrl = "https://www.youtube.com/watch?v=abc",
        ChatOpen = false,
        OpenUntil = Now,
    };
    private static readonly OverviewPerson SamplePerson = new("a3", "Cas", "Arcadis");
    private static readonly BreakoutOverview SampleOverview = new(
        new OverviewRound("r1", 2, Now, Now, 2),
        [new OverviewGroup("g1", "r1", GroupKinds.Round, Now, Now,
            [new OverviewMember("a1", "Ann", "Hoya", MemberStates.InGroup), new OverviewMember("a2", "Bob", "Sweco", MemberStates.Left)], ["a1"])],
        [SamplePerson], [SamplePerson], new OverviewCounts(4, 3, 1, 1), Now);

    public static TheoryData<string, object, string> Payloads => new()
    {
        { "JoinResult", new JoinResult(SampleSummary, SampleAttendee, [SampleAttendee], 1, [SampleMessage], SampleAssignment, new RoundNotice("r1", Now, 3))
            {
                Announcement = new Announcement("Welkom", Now),
                BreakoutChat = [SampleBreakoutMessage],
                Broadcast = new Announcement("Nog twee minuten", Now),
                FollowUps = SampleFollowUps,
                Met = [SampleAttendee],
                HostOverview = SampleOverview,
                CoffeeDates = [SampleDate],
            },
            """{"announcement":""" + AnnouncementShape + ""","attendeeCount":integer,"attendees":[""" + AttendeeShape + """],"breakout":""" + AssignmentShape
            + ""","breakoutChat":[""" + BreakoutChatMessageShape + """],"broadcast":""" + AnnouncementShape + ""","chat":[""" + ChatMessageShape
            + """],"coffeeDates":[""" + CoffeeDateShape + """],"event":""" + EventSummaryShape + ""","followUps":""" + FollowUpStateShape + ""","hostOverview":""" + BreakoutOverviewShape + ""","met":[""" + AttendeeShape + """],"round":""" + RoundNoticeShape
            + ""","self":""" + AttendeeShape + "}" },
        { "BreakoutAssignment", SampleAssignment, AssignmentShape },
        { "RoundInfo", new RoundInfo("r1", 3, 7, Now), """{"endsAt":integer,"groupCount":integer,"participantCount":integer,"roundId":string}""" },
        { "RoundNotice", new RoundNotice("r1", Now, 3), RoundNoticeShape },
        { "RoundEndedNotice", new RoundEndedNotice("r1"), """{"roundId":string}""" },
        { "BreakoutWaitingNotice", new BreakoutWaitingNotice("r1", Now), """{"endsAt":integer,"roundId":string}""" },
        { "BreakoutEndedNotice", new BreakoutEndedNotice("r1", "g1"), """{"groupId":string,"roundId":string}""" },
        { "BreakoutTimeNotice", new BreakoutTimeNotice("r1", "g1", Now), """{"endsAt":integer,"groupId":string,"roundId":string}""" },
        { "PartnerLeftNotice", new PartnerLeftNotice("r1", "g1", "a2"), """{"attendeeId":string,"groupId":string,"roundId":string}""" },
        { "ExtensionProposedNotice", new ExtensionProposedNotice("r1", "g1", "a2"), """{"attendeeId":string,"groupId":string,"roundId":string}""" },
        { "PartnerConnectionNotice", new PartnerConnectionNotice("r1", "g1", "a2", Connected: false),
            """{"attendeeId":string,"connected":bool,"groupId":string,"roundId":string}""" },
        { "BreakoutChatMessage", SampleBreakoutMessage, BreakoutChatMessageShape },
        { "FollowUpMatch", new FollowUpMatch(SampleAttendee, "ann@example.org"), FollowUpMatchShape },
        { "FollowUpState", SampleFollowUps, FollowUpStateShape },
        { "CoffeeQueueStatus", new CoffeeQueueStatus(false, 1), """{"matched":bool,"waiting":integer}""" },
        { "EventSummary", SampleSummary, EventSummaryShape },
        { "BreakoutOverview", SampleOverview, BreakoutOverviewShape },
        { "BreakoutOverviewBetweenRounds", SampleOverview with { Round = null, Groups = [], SatOut = [] },
            """{"counts":""" + OverviewCountsShape + ""","generatedAt":integer,"groups":[],"round":null,"satOut":[],"waiting":[""" + OverviewPersonShape + "]}" },
        { "EventLiveNotice", new EventLiveNotice(Now), """{"liveAt":integer}""" },
        { "AskOffer", SampleAttendee.Ask!, AskOfferShape },
        { "AttendeeWithoutAskOrOffer", SampleAttendee with { Ask = null, Offer = null },
            """{"ask":null,"available":bool,"company":string,"displayName":string,"id":string,"interests":[string,string],"isHost":bool,"joinedAt":integer,"offer":null}""" },
        { "BoardEntry", new BoardEntry(SampleAttendee, Present: true), """{"attendee":""" + AttendeeShape + ""","present":bool}""" },
        { "FollowUpRequestNotice", new FollowUpRequestNotice(SampleAttendee), """{"attendee":""" + AttendeeShape + "}" },
        { "LiveEndedNotice", new LiveEndedNotice(Now, "https://vimeo.com/123", ChatOpen: true, Now), """{"chatOpen":bool,"endedAt":integer,"openUntil":integer,"replayUrl":string}""" },
        { "CoffeeDate", SampleDate, CoffeeDateShape },
        { "Attendee", SampleAttendee, AttendeeShape },
        { "ChatMessage", SampleMessage, ChatMessageShape },
        { "PresenceChange", new PresenceChange([SampleAttendee], ["a2"], [SampleAttendee with { Available = false }], 2),
            """{"attendeeCount":integer,"joined":[""" + AttendeeShape + """],"left":[string],"updated":[""" + AttendeeShape + "]}" },
        { "Announcement", new Announcement("Welkom", Now), AnnouncementShape },
        { "RemovedNotice", new RemovedNotice("The host removed you from this event."), """{"reason":string}""" },
        { "CallSignalNotice", new CallSignalNotice("r1", "g1", "a2", """{"kind":"offer"}"""),
            """{"fromAttendeeId":string,"groupId":string,"payload":string,"roundId":string}""" },
        { "IceServer", new IceServer(["turn:turn.example.org:3478"], "1750003600:a1", "c2VjcmV0"), IceServerShape },
        { "IceConfig", new IceConfig([new IceServer(["stun:stun.example.org:3478"]), new IceServer(["turn:turn.example.org:3478"], "1750003600:a1", "c2VjcmV0")], "all", Now),
            """{"expiresAt":integer,"iceServers":[{"credential":null,"urls":[string],"username":null},""" + IceServerShape + """],"iceTransportPolicy":string}""" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void APayloadHasTheContractsShapeWithCamelCaseKeysAndIntegerTimestampsInBothProtocols(string dto, object sample, string shape)
    {
        var protocols = factory.Services.GetServices<IHubProtocol>().ToDictionary(p => p.Name);
        var invocation = new InvocationMessage(dto, [sample]);

        var json = WireShape.OfJsonInvocationArgument(protocols["json"].GetMessageBytes(invocation));
        var pack = WireShape.OfMessagePackInvocationArgument(protocols["messagepack"].GetMessageBytes(invocation));

        Assert.Equal(shape, json.Text);
        Assert.Equal(shape, pack.Text);
        Assert.All(json.AllKeys, key => Assert.Matches(CamelCase(), key));
        Assert.All(pack.AllKeys, key => Assert.Matches(CamelCase(), key));
    }

    [Fact]
    public async Task AJoinOverMessagePackReturnsTheSameDataAsOverJson()
    {
        var (json, pack, _) = await TwoTabsOverBothProtocolsAsync();

        var overJson = await json.InvokeAsync<object>(nameof(IEventHub.Join));
        var overPack = await pack.InvokeAsync<object>(nameof(IEventHub.Join));

        Assert.Equal(WireShape.CanonicalJson(overJson), WireShape.CanonicalJson(overPack));
    }

    [Fact]
    public async Task GetChatSinceOverMessagePackReturnsTheSameDataAsOverJson()
    {
        var (json, pack, _) = await TwoTabsOverBothProtocolsAsync();
        await json.InvokeAsync<object>(nameof(IEventHub.Join));
        await pack.InvokeAsync<object>(nameof(IEventHub.Join));

        var overJson = await json.InvokeAsync<object>(nameof(IEventHub.GetChatSince), 0L, 50);
        var overPack = await pack.InvokeAsync<object>(nameof(IEventHub.GetChatSince), 0L, 50);

        Assert.Equal(WireShape.CanonicalJson(overJson), WireShape.CanonicalJson(overPack));
    }

    [Fact]
    public async Task AChatPushOverMessagePackCarriesTheSameDataAsOverJson()
    {
        var (json, pack, bob) = await TwoTabsOverBothProtocolsAsync();
        var overJson = OnFirst(json, nameof(IEventClient.ChatReceived));
        var overPack = OnFirst(pack, nameof(IEventClient.ChatReceived));
        await json.InvokeAsync<object>(nameof(IEventHub.Join));
        await pack.InvokeAsync<object>(nameof(IEventHub.Join));

        await bob.Connection.SendChat("Nog één vraag");

        Assert.Equal(WireShape.CanonicalJson(await overJson), WireShape.CanonicalJson(await overPack));
    }

    /// <summary>
    /// An event with a host (company null), an attendee with chat history, and Ann connected twice
    /// with one token over raw, untyped connections: one JSON, one MessagePack. Being one attendee,
    /// both tabs see the same room.
    /// </summary>
    private async Task<(HubConnection Json, HubConnection Pack, TestClient Bob)> TwoTabsOverBothProtocolsAsync()
    {
        var live = await LiveEvent.CreateAsync(factory, HubProtocol.Json);
        _cleanup.Add(live);
        await live.JoinAsHostAsync();
        var (bob, _) = await live.JoinAsync("Bob", "Sweco", ["bouw"]);
        await bob.Connection.SendChat("Goedemorgen");
        await bob.Connection.SendChat("Waar is de koffie?");
        var ann = await factory.Api.RegisterAsync(live.Id, new("Ann", "Hoya", ["water", "cleantech"]));

        var json = await StartRawAsync(ann.Token, HubProtocol.Json);
        var pack = await StartRawAsync(ann.Token, HubProtocol.MessagePack);
        return (json, pack, bob);
    }

    private async Task<HubConnection> StartRawAsync(string token, HubProtocol protocol)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(factory.Server.BaseAddress, HubRoutes.Event), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.WebSocketFactory = async (context, ct) => await factory.Server.CreateWebSocketClient()
                .ConnectAsync(new Uri(QueryHelpers.AddQueryString(context.Uri.ToString(), "access_token", token)), ct);
        });
        if (protocol == HubProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        var connection = builder.Build();
        _cleanup.Add(connection);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The first push of <paramref name="method"/>, read as <c>object</c> so nothing maps its field names.</summary>
    private static Task<object?> OnFirst(HubConnection connection, string method)
    {
        var first = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On(method, [typeof(object)], args =>
        {
            first.TrySetResult(args[0]);
            return Task.CompletedTask;
        });
        return first.Task.WaitAsync(Inbox<object>.DefaultTimeout);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in _cleanup)
        {
            await disposable.DisposeAsync();
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
