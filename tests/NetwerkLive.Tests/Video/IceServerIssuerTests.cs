using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetwerkLive.Server.Video;

namespace NetwerkLive.Tests.Video;

/// <summary>
/// The ICE servers one attendee gets: STUN as configured, TURN with a credential of the TURN REST API convention
/// (coturn's use-auth-secret) that names the attendee and stops working after the configured lifetime.
/// </summary>
public sealed class IceServerIssuerTests
{
    private const string Secret = "north-sea-turn-secret";

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 16, 33, 20, TimeSpan.Zero);

    private static IceServerIssuer Issuer(FakeTimeProvider clock, string policy = "all", TimeSpan? lifetime = null, params string[][] servers) =>
        new(Options.Create(new VideoOptions
        {
            IceServers = [.. servers.Select(urls => new IceServerOptions { Urls = urls })],
            TurnSecret = Secret,
            TurnCredentialLifetime = lifetime ?? TimeSpan.FromHours(2),
            IceTransportPolicy = policy,
        }), clock);

    [Fact]
    public void TheCredentialIsTheBase64HmacSha1OfTheUsernameUnderTheSecret()
    {
        // RFC 2202, HMAC-SHA1 test case 2 (effcdf6a...9a7c79), in base64.
        Assert.Equal("7/zfauXrL6LSdBbV8YTfnCWafHk=", IceServerIssuer.Credential("Jefe", "what do ya want for nothing?"));
        // A TURN-shaped one, computed apart from this code:
        //   printf %s '1796150000:ann7x' | openssl dgst -sha1 -hmac north-sea-turn-secret -binary | base64
        Assert.Equal("GbmQ9gxmMDKUt7TdMJaeBfLw8XA=", IceServerIssuer.Credential(Secret, "1796150000:ann7x"));
    }

    [Fact]
    public void TheTurnUsernameIsTheExpiryInUnixSecondsThenTheAttendeeIdAndTheCredentialSignsIt()
    {
        var clock = new FakeTimeProvider(Now);
        var issuer = Issuer(clock, lifetime: TimeSpan.FromMinutes(90), servers: [["turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp"]]);

        var config = issuer.IssueFor("ann7x");

        var turn = Assert.Single(config.IceServers);
        var expiry = Now.AddMinutes(90);
        Assert.Equal($"{expiry.ToUnixTimeSeconds()}:ann7x", turn.Username);
        Assert.Equal(IceServerIssuer.Credential(Secret, turn.Username!), turn.Credential);
        Assert.Equal(["turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp"], turn.Urls);
        Assert.Equal(expiry.ToUnixTimeMilliseconds(), config.ExpiresAt);
    }

    [Fact]
    public void ACredentialIssuedLaterExpiresLater()
    {
        var clock = new FakeTimeProvider(Now);
        var issuer = Issuer(clock, servers: [["turn:turn.example.org:3478"]]);
        var first = issuer.IssueFor("ann7x");

        clock.Advance(TimeSpan.FromMinutes(10));
        var second = issuer.IssueFor("ann7x");

        Assert.Equal(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(second.ExpiresAt - first.ExpiresAt));
        Assert.NotEqual(first.IceServers[0].Credential, second.IceServers[0].Credential);
    }

    [Fact]
    public void TwoAttendeesGetDifferentUsernamesAndCredentials()
    {
        var issuer = Issuer(new FakeTimeProvider(Now), servers: [["turns:turn.example.org:5349"]]);

        var ann = issuer.IssueFor("ann7x").IceServers[0];
        var bram = issuer.IssueFor("bram9q").IceServers[0];

        Assert.EndsWith(":ann7x", ann.Username, StringComparison.Ordinal);
        Assert.EndsWith(":bram9q", bram.Username, StringComparison.Ordinal);
        Assert.NotEqual(ann.Credential, bram.Credential);
    }

    [Fact]
    public void StunServersComeWithoutCredentialsBesideATurnServerWithThem()
    {
        var issuer = Issuer(new FakeTimeProvider(Now), servers: [["stun:stun.example.org:3478"], ["turn:turn.example.org:3478"]]);

        var config = issuer.IssueFor("ann7x");

        Assert.Collection(config.IceServers,
            stun =>
            {
                Assert.Equal(["stun:stun.example.org:3478"], stun.Urls);
                Assert.Null(stun.Username);
                Assert.Null(stun.Credential);
            },
            turn => Assert.NotNull(turn.Credential));
    }

    [Fact]
    public void WithoutATurnServerNothingExpiresAndNothingIsSigned()
    {
        var issuer = Issuer(new FakeTimeProvider(Now), servers: [["stun:stun.example.org:3478", "stun:stun2.example.org:19302"]]);

        var config = issuer.IssueFor("ann7x");

        Assert.Equal(0, config.ExpiresAt);
        Assert.All(config.IceServers, s => Assert.Null(s.Credential));
    }

    [Fact]
    public void WithNoIceServersTheBrowserGetsAnEmptyListAndPolicyAll()
    {
        var issuer = new IceServerIssuer(Options.Create(new VideoOptions()), new FakeTimeProvider(Now));

        var config = issuer.IssueFor("ann7x");

        Assert.Empty(config.IceServers);
        Assert.Equal("all", config.IceTransportPolicy);
        Assert.Equal(0, config.ExpiresAt);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("relay")]
    public void TheIceTransportPolicyIsPassedOnAsConfigured(string policy)
    {
        var issuer = Issuer(new FakeTimeProvider(Now), policy, servers: [["turn:turn.example.org:3478"]]);

        Assert.Equal(policy, issuer.IssueFor("ann7x").IceTransportPolicy);
    }

    [Theory]
    [InlineData("turn:turn.example.org", true)]
    [InlineData("TURNS:turn.example.org:5349?transport=tcp", true)]
    [InlineData("stun:stun.example.org", false)]
    [InlineData("stuns:stun.example.org", false)]
    [InlineData("https://turn.example.org", false)]
    public void OnlyTurnAndTurnsUrlsAreTurn(string url, bool turn) => Assert.Equal(turn, IceServerIssuer.IsTurn(url));
}
