using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Video;

/// <summary>A server with a STUN and a TURN server configured, on the fake clock (credentials expire on it).</summary>
public class IceServersFactory : FakeClockFactory
{
    public const string TurnSecret = "hub-tests-turn-secret-0123456789";
    public const string StunUrl = "stun:stun.netwerklive.test:3478";
    public const string TurnUrl = "turn:turn.netwerklive.test:3478?transport=udp";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(45);

    public IceServersFactory()
    {
        With("Video:IceServers:0:Urls:0", StunUrl);
        With("Video:IceServers:1:Urls:0", TurnUrl);
        With("Video:TurnSecret", TurnSecret);
        With("Video:TurnCredentialLifetime", Lifetime.ToString());
    }

    /// <summary>A server of its own set up as this one, for a test that moves the clock on (tokens issued after that would not pass).</summary>
    public IceServersFactory Fresh() => IsOnRedis ? new RedisIceServersFactory() : new IceServersFactory();
}

public sealed class RedisIceServersFactory : IceServersFactory
{
    public RedisIceServersFactory() => OnRedis();
}

/// <summary>
/// GetIceServers over the hub: every attendee gets TURN credentials in their own name, signed with the secret the
/// TURN server shares, valid for the configured lifetime from the moment they ask; the secret itself never leaves
/// the server.
/// </summary>
public abstract class IceServerHubTests(IceServersFactory factory)
{
    /// <summary>The TURN REST API credential, computed here apart from the server's code (SHA-1: coturn's convention).</summary>
#pragma warning disable CA5350
    private static string Signed(string? username) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(IceServersFactory.TurnSecret), Encoding.UTF8.GetBytes(username ?? "")));
#pragma warning restore CA5350

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task EachAttendeeGetsATurnCredentialInTheirOwnNameSignedWithTheSharedSecret(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bram, _) = await live.JoinAsync("Bram", "Vitens");
        var expiry = factory.Clock.GetUtcNow() + IceServersFactory.Lifetime;

        var forAnn = await ann.Connection.GetIceServers();
        var forBram = await bram.Connection.GetIceServers();

        Assert.Equal("all", forAnn.IceTransportPolicy);
        Assert.Equal(expiry.ToUnixTimeMilliseconds(), forAnn.ExpiresAt);
        Assert.Collection(forAnn.IceServers,
            stun => Assert.Equal((IceServersFactory.StunUrl, null, null), (Assert.Single(stun.Urls), stun.Username, stun.Credential)),
            turn =>
            {
                Assert.Equal(IceServersFactory.TurnUrl, Assert.Single(turn.Urls));
                Assert.Equal($"{expiry.ToUnixTimeSeconds()}:{ann.AttendeeId}", turn.Username);
                Assert.Equal(Signed(turn.Username), turn.Credential);
            });
        var bramTurn = forBram.IceServers[1];
        Assert.Equal($"{expiry.ToUnixTimeSeconds()}:{bram.AttendeeId}", bramTurn.Username);
        Assert.Equal(Signed(bramTurn.Username), bramTurn.Credential);
        Assert.NotEqual(forAnn.IceServers[1].Credential, bramTurn.Credential);
    }

    [Fact]
    public async Task AskingAgainLaterGivesACredentialThatLastsFromThen()
    {
        using var own = factory.Fresh();
        await using var live = await LiveEvent.CreateAsync(own, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var first = await ann.Connection.GetIceServers();

        // Before an ICE restart late in a long event the browser asks again (docs/video.md).
        own.Clock.Advance(TimeSpan.FromMinutes(40));
        var second = await ann.Connection.GetIceServers();

        Assert.Equal(first.ExpiresAt + (long)TimeSpan.FromMinutes(40).TotalMilliseconds, second.ExpiresAt);
        Assert.Equal($"{second.ExpiresAt / 1000}:{ann.AttendeeId}", second.IceServers[1].Username);
        Assert.Equal(Signed(second.IceServers[1].Username), second.IceServers[1].Credential);
    }

    [Fact]
    public async Task TheAnswerOnTheWireHoldsTheSignedCredentialAndNeverTheSecret()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.Json);
        var ann = await factory.Api.RegisterAsync(live.Id, new NetwerkLive.Contracts.RegisterAttendeeRequest("Ann", "Hoya"));
        using var hub = await RawJsonHub.ConnectAsync(factory, ann.Token);
        await hub.SendAsync("""{"type":1,"invocationId":"1","target":"Join","arguments":[]}""");
        await NextAnswerAsync(hub, "1");

        await hub.SendAsync("""{"type":1,"invocationId":"2","target":"GetIceServers","arguments":[]}""");

        var answer = await NextAnswerAsync(hub, "2");
        var result = answer.GetProperty("result");
        var turn = result.GetProperty("iceServers")[1];
        Assert.Equal(Signed(turn.GetProperty("username").GetString()!), turn.GetProperty("credential").GetString());
        Assert.DoesNotContain(IceServersFactory.TurnSecret, answer.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.JsonElement> NextAnswerAsync(RawJsonHub hub, string invocationId)
    {
        while (true)
        {
            var frame = await hub.NextAsync();
            if (frame.GetProperty("type").GetInt32() == 3 && frame.GetProperty("invocationId").GetString() == invocationId)
            {
                Assert.False(frame.TryGetProperty("error", out var error), $"{invocationId} was refused: {error}");
                return frame;
            }
        }
    }
}

public sealed class IceServerHubInMemoryTests(IceServersFactory factory) : IceServerHubTests(factory), IClassFixture<IceServersFactory>;

/// <summary>The same tests with the server in Redis mode.</summary>
public sealed class IceServerHubOnRedisTests(RedisIceServersFactory factory) : IceServerHubTests(factory), IClassFixture<RedisIceServersFactory>;

/// <summary>
/// The pages a browser loads carry no TURN secret, no credential and no TURN address: a browser learns its ICE
/// servers only from GetIceServers, after joining, in its own name.
/// </summary>
public sealed partial class PageSecretTests(IceServersFactory factory) : IClassFixture<IceServersFactory>
{
    [Fact]
    public async Task NoPageOrScriptOrStylesheetHoldsTheTurnSecretOrTheTurnServer()
    {
        var created = await factory.CreateEventAsync();
        using var http = factory.CreateClient();
        var read = 0;

        foreach (var page in new[] { "/", $"/e/{created.EventId}", $"/e/{created.EventId}/host" })
        {
            var html = await http.GetStringAsync(new Uri(page, UriKind.Relative));
            var assets = AssetLinks().Matches(html).Select(m => m.Groups["path"].Value).ToList();
            Assert.Contains(assets, a => a.StartsWith("/js/", StringComparison.Ordinal));
            foreach (var text in assets.Select(a => http.GetStringAsync(new Uri(a, UriKind.Relative))).Prepend(Task.FromResult(html)))
            {
                var body = await text;
                Assert.NotEmpty(body);
                Assert.DoesNotContain(IceServersFactory.TurnSecret, body, StringComparison.Ordinal);
                Assert.DoesNotContain("turn.netwerklive.test", body, StringComparison.Ordinal);
                read++;
            }
        }

        Assert.True(read >= 6, $"Only {read} pages and assets were read.");
    }

    [GeneratedRegex(@"(?:src|href)=""(?<path>/(?:js|css)/[^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex AssetLinks();
}
