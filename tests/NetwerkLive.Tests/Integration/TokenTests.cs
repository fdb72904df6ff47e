using System.Net;
using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>Who may connect to the hub: only holders of a valid, current token for an existing registration.</summary>
public sealed class TokenTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("signature changed")]
    [InlineData("payload changed")]
    [InlineData("expired")]
    [InlineData("unknown event")]
    [InlineData("unknown attendee")]
    public async Task ABadTokenCannotConnect(string kind)
    {
        var token = await TokenAsync(kind);

        await using var connection = factory.ConnectNegotiating(token);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("signature changed")]
    [InlineData("expired")]
    [InlineData("unknown event")]
    public async Task ABadTokenCannotOpenAWebSocketEither(string kind)
    {
        var token = await TokenAsync(kind);

        await using var connection = factory.Connect(token);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("401", error.Message);
    }

    [Theory]
    [InlineData("missing", "This needs an access token")]
    [InlineData("garbage", "Your access token is not valid")]
    [InlineData("signature changed", "Your access token is not valid")]
    [InlineData("payload changed", "Your access token is not valid")]
    [InlineData("expired", "Your access token has expired")]
    [InlineData("unknown event", "This event, or your registration for it, does not exist")]
    [InlineData("unknown attendee", "This event, or your registration for it, does not exist")]
    public async Task NegotiateExplainsWhyATokenIsRefused(string kind, string explanation)
    {
        var token = await TokenAsync(kind);

        var answer = await factory.NegotiateAsync(kind == "missing" ? null : token);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(401, answer.Body.GetProperty("status").GetInt32());
        Assert.Contains(explanation, answer.Body.GetProperty("detail").GetString());
        Assert.False(answer.Body.TryGetProperty("reason", out _)); // only a removal has one
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ATokenSignedWithTheConfiguredKeyConnects(HubProtocol protocol)
    {
        var created = await factory.CreateEventAsync();
        var registered = await factory.Api.RegisterAsync(created.EventId, new("Ann"));
        var token = TestTokens.Sign(created.EventId, registered.AttendeeId);

        var (client, join) = await factory.ConnectAsync(registered.AttendeeId, token, protocol);
        await using var _ = client;

        Assert.Equal(registered.AttendeeId, join!.Self.Id);
    }

    /// <summary>A token of the given kind; the bad ones are refused, each for its own reason.</summary>
    private async Task<string> TokenAsync(string kind)
    {
        var created = await factory.CreateEventAsync();
        var registered = await factory.Api.RegisterAsync(created.EventId, new("Ann"));
        return kind switch
        {
            "missing" => "",
            "garbage" => "not-a-token",
            "signature changed" => TestTokens.FlipSignatureCharacter(registered.Token),
            "payload changed" => TestTokens.ClaimHostRole(registered.Token),
            "expired" => TestTokens.Sign(created.EventId, registered.AttendeeId, expires: DateTime.UtcNow.AddHours(-1)),
            "unknown event" => TestTokens.Sign("nosuchevent", registered.AttendeeId),
            "unknown attendee" => TestTokens.Sign(created.EventId, "nosuchattendee00"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
