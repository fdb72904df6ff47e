using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetwerkLive.Client;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Storage.Redis;
using NetwerkLive.Tests.Infrastructure;
using StackExchange.Redis;

namespace NetwerkLive.Tests.Storage.Redis;

/// <summary>
/// On Redis every key of an event carries Storage:EventRetention as its TTL, found by a SCAN of the event's
/// keys after a real event (people, chat, a round, a follow-up), and every change sets it again.
/// </summary>
public sealed class RedisRetentionTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(2);

    private static readonly string[] ReloadKeySuffixes = [":ann", ":broadcast", ":chat", ":met", ":asked"];

    private readonly RedisNetwerkLiveFactory _factory = (RedisNetwerkLiveFactory)new RedisNetwerkLiveFactory().With("Storage:EventRetention", Retention.ToString());

    [Fact]
    public async Task EveryKeyOfAnEventHasTheRetentionAsItsTtl()
    {
        await using var live = await BusyEventAsync();

        var keys = await EventKeysAsync(live.Id);

        // Event, attendees, chat and its seq, presence and two people's connections, breakouts, meetings, follow-up requests.
        Assert.True(keys.Count >= 10, $"Only {keys.Count} keys found: {string.Join(", ", keys)}");
        Assert.Contains(keys, k => ((string)k!).EndsWith(":removed", StringComparison.Ordinal));
        Assert.Contains(keys, k => ((string)k!).EndsWith(":meetings:ids", StringComparison.Ordinal));
        Assert.Contains(keys, k => ((string)k!).EndsWith(":asks", StringComparison.Ordinal));
        // What a reload needs: the announcement, the broadcast, a group's chat, the met and follow-up indexes.
        Assert.All(ReloadKeySuffixes, suffix => Assert.Contains(keys, k => ((string)k!).EndsWith(suffix, StringComparison.Ordinal)));
        foreach (var key in keys)
        {
            var ttl = await Database.KeyTimeToLiveAsync(key);
            if (IsOwnTtlKey(key) && (ttl is null ? !await Database.KeyExistsAsync(key) : ttl <= TimeSpan.FromSeconds(1)))
            {
                continue; // the presence window lives a second on its own clock: it may be expiring or gone since the SCAN
            }
            Assert.True(ttl is { } t && t > TimeSpan.Zero && t <= Retention, $"{key} has TTL {ttl?.ToString() ?? "none"}");
        }
    }

    [Fact]
    public async Task AChangeSetsTheRetentionAgainOnEveryKeyOfTheEvent()
    {
        await using var live = await BusyEventAsync();
        var keys = await ShortenTtlsAsync(live.Id);

        await _factory.Api.RegisterAsync(live.Id, new Contracts.RegisterAttendeeRequest("Dirk"));

        await AssertRetentionAgainAsync(keys);
    }

    [Fact]
    public async Task AChatMessageSetsTheRetentionAgainOnEveryKeyOfTheEvent()
    {
        await using var live = await BusyEventAsync();
        var (eva, _) = await live.JoinAsync("Eva", "Noord");
        var keys = await ShortenTtlsAsync(live.Id);

        await eva.Connection.SendChat("Nog iemand koffie?");

        await AssertRetentionAgainAsync(keys);
    }

    [Fact]
    public async Task AfterTheLivePartEndsEveryKeyOfTheEventLivesTheRetentionPastItsOpenPeriodAndLaterChangesKeepThat()
    {
        await using var live = await LiveEvent.CreateAsync(_factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        await ann.Connection.SendChat("Tot de volgende keer");
        var openFor = TimeSpan.FromDays(30);

        await host.Connection.EndLive(null, keepChatOpen: true);
        await host.LiveEnded.WaitForAny();
        await ann.Connection.SendChat("Ik kijk de opname nog"); // a change after the end sets the TTL again

        var keys = (await EventKeysAsync(live.Id)).Where(k => !IsOwnTtlKey(k)).ToList();
        Assert.Contains(keys, k => ((string)k!).EndsWith(":keep", StringComparison.Ordinal));
        foreach (var key in keys)
        {
            var ttl = await Database.KeyTimeToLiveAsync(key);
            Assert.True(ttl is { } t && t > openFor + Retention - TimeSpan.FromMinutes(1) && t <= openFor + Retention,
                $"{key} has TTL {ttl?.ToString() ?? "none"} after the end");
        }
    }

    [Fact]
    public async Task ACoffeeAgreedFiftyDaysAheadKeepsEveryKeyOfTheEventUntilItsEndPlusTheRetention()
    {
        await using var live = await LiveEvent.CreateAsync(_factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Zuid");
        var round = await host.Connection.StartRound(60, 2);
        await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);
        var coffee = await ann.CoffeeDates.WaitForAny();
        var at = DateTimeOffset.UtcNow.AddDays(50).ToUnixTimeMilliseconds();

        await ann.Connection.ProposeCoffeeTimes(coffee.DateId, [at]);
        await bob.Connection.AcceptCoffeeTime(coffee.DateId, at);

        // The room on day 50 needs Ann, Bob and the breakouts: nothing of the event may expire before the coffee ends.
        foreach (var key in (await EventKeysAsync(live.Id)).Where(k => !IsOwnTtlKey(k)))
        {
            var ttl = await Database.KeyTimeToLiveAsync(key);
            Assert.True(ttl is { } t && t > TimeSpan.FromDays(50) + Retention, $"{key} has TTL {ttl?.ToString() ?? "none"} after the coffee was agreed");
        }
    }

    /// <summary>Every key of the event on its own retention clock set to one minute; returns them.</summary>
    private async Task<List<RedisKey>> ShortenTtlsAsync(string eventId)
    {
        var keys = (await EventKeysAsync(eventId)).Where(k => !IsOwnTtlKey(k)).ToList();
        foreach (var key in keys)
        {
            await Database.KeyExpireAsync(key, TimeSpan.FromMinutes(1));
        }
        return keys;
    }

    private async Task AssertRetentionAgainAsync(List<RedisKey> keys)
    {
        foreach (var key in keys)
        {
            var ttl = await Database.KeyTimeToLiveAsync(key);
            Assert.True(ttl is { } t && t > TimeSpan.FromMinutes(1) && t <= Retention, $"{key} has TTL {ttl?.ToString() ?? "none"} after the change");
        }
    }

    /// <summary>An event with everything that makes keys: people present, one removed, chat, a round with groups, a follow-up request.</summary>
    private async Task<LiveEvent> BusyEventAsync()
    {
        var live = await LiveEvent.CreateAsync(_factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Zuid");
        var (cas, _) = await live.JoinAsync("Cas", "West");
        await ann.Connection.SendChat("Hallo allemaal");
        await ann.Connection.SetAskAndOffer(new Contracts.AskOffer("Een accountant die startups snapt", []), null); // the board's index
        await host.Connection.Announce("Welkom");
        var round = await host.Connection.StartRound(60, 2);
        await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await ann.Connection.SendBreakoutChat("Hoi");
        await host.Connection.BroadcastToBreakouts("Nog even");
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await host.Connection.RemoveAttendee(cas.AttendeeId); // last: the set of removed persons is its last write
        return live;
    }

    // Keys on a clock of their own: an attendee's connections (set again when they connect), a group's chat (set
    // again with each message, and deleted with the group), the presence
    // window (milliseconds), rate-limit buckets and connection slots (until full again, or a node timeout),
    // and the series' memory, whose id is its first event's (set again when the series records a meeting or
    // a block, from whichever of its events).
    private static bool IsOwnTtlKey(RedisKey key)
    {
        var name = (string)key!;
        return name.Contains(":c:", StringComparison.Ordinal) || name.Contains(":g:", StringComparison.Ordinal) || name.EndsWith(":window", StringComparison.Ordinal) || name.Contains(":series:", StringComparison.Ordinal)
            || name.Contains(":limit:", StringComparison.Ordinal);
    }

    private IDatabase Database => Multiplexer.GetDatabase();

    private IConnectionMultiplexer Multiplexer => _factory.Services.GetRequiredService<RedisConnection>().ConnectAsync().GetAwaiter().GetResult();

    private async Task<List<RedisKey>> EventKeysAsync(string eventId)
    {
        var prefix = _factory.Services.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix;
        var server = Multiplexer.GetServer(Multiplexer.GetEndPoints()[0]);
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*" + eventId + "*"))
        {
            keys.Add(key);
        }
        return keys;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
