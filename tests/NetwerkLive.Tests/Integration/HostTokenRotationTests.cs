using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Auth;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>A leaked host link can be replaced: the old token stops working at once, for new and open connections.</summary>
public class HostTokenRotationTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    // Word for word what a client without a language gets: English, as before languages came.
    private const string Replaced = "This host link was replaced by a newer one, so it no longer works. Open the newest host link.";
    private const string OnlyTheHost = "Only the host of this event can replace its host link: send the event's host token as 'Authorization: Bearer TOKEN'.";

    [Fact]
    public async Task TheNewHostTokenAndHostLinkWork()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);

        var rotated = await factory.Api.RotateHostTokenAsync(live.Id, live.Created.HostToken);

        Assert.NotEqual(live.Created.HostToken, rotated.HostToken);
        Assert.EndsWith($"/e/{live.Id}/host#token={rotated.HostToken}", rotated.HostUrl, StringComparison.Ordinal);
        var (host, join) = await factory.ConnectAsync("", rotated.HostToken);
        await using (host)
        {
            Assert.True(join!.Self.IsHost);
            await host.Connection.Announce("Nieuwe link, zelfde host");
        }
        Assert.Equal(live.Id, (await factory.Api.GetReportAsync(live.Id, rotated.HostToken)).EventId);
    }

    [Fact]
    public async Task TheOldHostTokenIsRefusedAtOnceSayingItWasReplaced()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);

        await factory.Api.RotateHostTokenAsync(live.Id, live.Created.HostToken);

        using var response = await GetReportAsync(live.Id, live.Created.HostToken);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(Replaced, problem.GetProperty("detail").GetString());
        await Assert.ThrowsAnyAsync<Exception>(() => factory.ConnectAsync("", live.Created.HostToken, join: false));
    }

    [Fact]
    public async Task AConnectionOpenWithTheOldHostTokenIsCutOffAndOneWithTheNewTokenStays()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (oldHost, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");

        var rotated = await factory.Api.RotateHostTokenAsync(live.Id, live.Created.HostToken);
        var (newHost, _) = await factory.ConnectAsync("", rotated.HostToken);
        await using var _ = newHost;

        await oldHost.Closed.WaitForAny();
        await newHost.Connection.Announce("Nog steeds de host");
        Assert.Equal("Nog steeds de host", (await ann.Announcements.WaitForAny()).Text);
    }

    [Fact]
    public async Task AConnectionOpenedWithTheOldHostTokenBeforeTheReplacementCannotJoin()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (opened, _) = await factory.ConnectAsync("", live.Created.HostToken, join: false);
        await using var _ = opened;

        await factory.Api.RotateHostTokenAsync(live.Id, live.Created.HostToken);

        var refused = await Assert.ThrowsAsync<HubException>(() => opened.Connection.Join());
        Assert.Contains(Replaced, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenReplacedTwiceLeavesOnlyTheNewestWorking()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);

        var first = await factory.Api.RotateHostTokenAsync(live.Id, live.Created.HostToken);
        var second = await factory.Api.RotateHostTokenAsync(live.Id, first.HostToken);

        using var refused = await GetReportAsync(live.Id, first.HostToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var accepted = await GetReportAsync(live.Id, second.HostToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task AnAttendeeCannotReplaceTheHostToken()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var ann = await factory.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest("Ann"));

        using var response = await PostRotateAsync(live.Id, ann.Token);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(OnlyTheHost, problem.GetProperty("detail").GetString());
        using var stillWorks = await GetReportAsync(live.Id, live.Created.HostToken);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task TheHostOfAnotherEventCannotReplaceThisHostToken()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var other = await factory.CreateEventAsync("Een ander event");

        using var response = await PostRotateAsync(live.Id, other.HostToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    private Task<HttpResponseMessage> GetReportAsync(string eventId, string token) => SendAsync(HttpMethod.Get, $"/api/events/{eventId}/report", token);

    private Task<HttpResponseMessage> PostRotateAsync(string eventId, string token) => SendAsync(HttpMethod.Post, $"/api/events/{eventId}/host-token", token);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await factory.CreateClient().SendAsync(request);
    }
}

public sealed class HostTokenRotationOnRedisTests(RedisNetwerkLiveFactory factory) : HostTokenRotationTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
