using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Unit.OptionsValidationTests;

namespace NetwerkLive.Tests.Video;

/// <summary>A call set-up that could not work (a TURN server nobody can sign for, relay without TURN) stops the server at start-up, naming the setting.</summary>
public sealed class VideoOptionsValidationTests
{
    private const string Secret = "a-turn-secret-of-32-characters-x";

    [Theory]
    [InlineData("Video:IceServers:0:Urls:0", "https://turn.example.org", "Video:IceServers: every server needs Urls, each starting with stun:, stuns:, turn: or turns:.")]
    [InlineData("Video:IceServers:0:Urls:0", "turn.example.org:3478", "Video:IceServers: every server needs Urls, each starting with stun:, stuns:, turn: or turns:.")]
    [InlineData("Video:TurnCredentialLifetime", "00:04:59", "Video:TurnCredentialLifetime must be between 5 minutes and 1 day.")]
    [InlineData("Video:TurnCredentialLifetime", "1.00:00:01", "Video:TurnCredentialLifetime must be between 5 minutes and 1 day.")]
    [InlineData("Video:IceTransportPolicy", "none", "Video:IceTransportPolicy must be \"all\" or \"relay\".")]
    [InlineData("Video:MaxSignalChars", "1023", "Video:MaxSignalChars must be between 1024 and 65536.")]
    [InlineData("Video:SignalsPerWindow", "0", "Video:SignalsPerWindow must be between 1 and 100000.")]
    [InlineData("Video:SignalWindow", "00:00:00", "Video:SignalWindow must be between 1 second and 1 hour.")]
    public void StartupFailsNamingTheBadVideoSetting(string key, string value, string expected)
    {
        var failure = StartupFailure(new NetwerkLiveFactory().With(key, value));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupFailsWhenATurnServerHasNoSecretToSignCredentialsWith()
    {
        var failure = StartupFailure(new NetwerkLiveFactory().With("Video:IceServers:0:Urls:0", "turn:turn.example.org:3478"));

        Assert.Contains("Video:TurnSecret (at least 16 characters, coturn's static-auth-secret) is needed when a TURN URL is configured.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupFailsWhenTheTurnSecretIsShorterThanSixteenCharacters()
    {
        var failure = StartupFailure(new NetwerkLiveFactory()
            .With("Video:IceServers:0:Urls:0", "turns:turn.example.org:5349")
            .With("Video:TurnSecret", "fifteen-chars-x"));

        Assert.Contains("Video:TurnSecret (at least 16 characters", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupFailsWhenRelayIsAskedWithOnlyStun()
    {
        var failure = StartupFailure(new NetwerkLiveFactory()
            .With("Video:IceServers:0:Urls:0", "stun:stun.example.org:3478")
            .With("Video:IceTransportPolicy", "relay"));

        Assert.Contains("Video:IceTransportPolicy \"relay\" needs a TURN server in Video:IceServers.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStunAndTurnSetUpWithItsSecretAndRelayStarts()
    {
        using var factory = new NetwerkLiveFactory()
            .With("Video:IceServers:0:Urls:0", "stun:stun.example.org:3478")
            .With("Video:IceServers:1:Urls:0", "turn:turn.example.org:3478?transport=udp")
            .With("Video:IceServers:1:Urls:1", "turns:turn.example.org:5349?transport=tcp")
            .With("Video:TurnSecret", Secret)
            .With("Video:IceTransportPolicy", "relay");

        var health = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode);
    }
}
