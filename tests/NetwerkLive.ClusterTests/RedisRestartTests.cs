using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using NetwerkLive.Client;
using NetwerkLive.ClusterTests.Infrastructure;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests;

/// <summary>Redis goes away under live clients and comes back with its data (append-only file, fsync on every write).</summary>
public sealed class RedisRestartTests : IAsyncLifetime
{
    /// <summary>A hub call that needs Redis fails this fast while it is down, instead of hanging.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);

    /// <summary>How soon after Redis is back chat must work again (the nodes reconnect by themselves).</summary>
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(30);

    /// <summary>What the hub and the HTTP API say while the shared store is away (docs/hub-contract.md).</summary>
    private const string Unreachable =
        "The event's shared storage is not reachable right now, so this could not be done. Nothing was lost: try again in a few seconds.";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("netwerklive-redis-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ChatAndRegistrationFailFastWithTheOutageMessageWhileRedisIsDownAndChatResumesWithItsHistoryAndSeqAfterARestart()
    {
        await using var redis = await RedisServer.StartDurableAsync(_dataDirectory);
        await using var cluster = await Cluster.StartAsync(2, redisEndpoint: redis.Endpoint);
        var (a, b) = (cluster[0], cluster[1]);
        await using var live = await ClusterEvent.CreateAsync(a);
        var (ann, _) = await live.JoinAsync(a, "Ann");
        var (bob, _) = await live.JoinAsync(b, "Bob");
        List<ChatMessage> before = [await ann.Connection.SendChat("Een"), await bob.Connection.SendChat("Twee"), await ann.Connection.SendChat("Drie")];

        await redis.KillAsync();

        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<HubException>(() => ann.Connection.SendChat("Tijdens de storing").WaitAsync(FailFast));
        Assert.True(clock.Elapsed < FailFast, $"SendChat took {clock.Elapsed.TotalSeconds:0.0} s to fail while Redis was down.");
        // SignalR puts "An unexpected error occurred invoking 'SendChat' on the server. HubException: " before it.
        Assert.EndsWith(Unreachable, refused.Message, StringComparison.Ordinal);
        clock.Restart();
        var answer = await Assert.ThrowsAsync<NetwerkLiveApiException>(() => b.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest("Cas", "Cas BV")).WaitAsync(FailFast));
        Assert.True(clock.Elapsed < FailFast, $"Registering took {clock.Elapsed.TotalSeconds:0.0} s to fail while Redis was down.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        using (var problem = JsonDocument.Parse(answer.Body))
        {
            Assert.Equal(Unreachable, problem.RootElement.GetProperty("detail").GetString());
        }
        Assert.Equal(HubConnectionState.Connected, ann.Connection.Connection.State);
        Assert.Equal(HubConnectionState.Connected, bob.Connection.Connection.State);

        await redis.RestartAsync();

        // Pub/sub is at most once: a message published before the other node has its subscription back
        // is not delivered live. Readiness says a node has Redis again; once both say so, chat must cross.
        await Task.WhenAll(a.WaitUntilReadyAgainAsync(), b.WaitUntilReadyAgainAsync());
        var after = await SendUntilAcceptedAsync(ann, "Weer terug", cluster);
        try
        {
            Assert.Equal(after, await bob.Chat.WaitFor(m => m.Seq == after.Seq));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Chat #{after.Seq}, accepted by node A after Redis came back and both nodes were ready, did not reach Bob on node B.\n{cluster.Output()}");
        }
        var history = await bob.Connection.GetChatSince(0, 200);
        foreach (var message in before)
        {
            Assert.Contains(message, history);
        }
        Assert.True(after.Seq > before.Max(m => m.Seq), $"Seq {after.Seq} after the restart reuses or goes back from {before.Max(m => m.Seq)}.");
        Assert.Equal(history.Select(m => m.Seq).Distinct().Order(), history.Select(m => m.Seq));
        Assert.Empty(ann.Closed.Items);
        Assert.Empty(bob.Closed.Items);
    }

    /// <summary>Polls SendChat (nothing else says when the nodes have their Redis connections back).</summary>
    private static async Task<ChatMessage> SendUntilAcceptedAsync(TestClient sender, string text, Cluster cluster)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < RecoveryDeadline)
        {
            try
            {
                return await sender.Connection.SendChat(text);
            }
            catch (HubException refused)
            {
                last = refused.Message;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"SendChat still failed {RecoveryDeadline.TotalSeconds} s after Redis came back: {last}\n{cluster.Output()}");
        throw new UnreachableException();
    }
}
