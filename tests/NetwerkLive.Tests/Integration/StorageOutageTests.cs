using System.Net;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>
/// The server in Redis mode on a redis-server of this test's own, which the test stops: what a caller is told
/// while the shared store is away, word for word as the contract says.
/// </summary>
public sealed class StorageOutageTests : IAsyncDisposable
{
    /// <summary>docs/hub-contract.md, for hub calls and HTTP calls alike.</summary>
    private const string Unavailable =
        "The event's shared storage is not reachable right now, so this could not be done. Nothing was lost: try again in a few seconds.";

    private readonly RedisServer _redis = RedisServer.StartDedicated();
    private readonly NetwerkLiveFactory _factory;

    public StorageOutageTests() =>
        _factory = new NetwerkLiveFactory().OnRedis(_redis).With("Redis:OperationTimeout", "00:00:02");

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _redis.Dispose();
    }

    [Fact]
    public async Task AnHttpCallDuringAnOutageAnswers503WithTheContractsSentence()
    {
        var created = await _factory.CreateEventAsync();

        _redis.Stop();
        using var response = await _factory.CreateClient().GetAsync(new Uri($"/api/events/{created.EventId}", UriKind.Relative));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Storage unavailable", problem.GetProperty("title").GetString());
        Assert.Equal(Unavailable, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AHubCallDuringAnOutageIsRefusedWithTheContractsSentence()
    {
        await using var live = await LiveEvent.CreateAsync(_factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");

        _redis.Stop();
        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.SendChat("Is er iemand?"));

        Assert.Equal(HubRefusals.Message("SendChat", Unavailable), error.Message);
    }
}
