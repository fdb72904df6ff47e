using System.Net.Http.Headers;
using NetwerkLive.Client;
using NetwerkLive.Server.Storage;
using NetwerkLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// An attendee who toggles their availability during a round is placed with the same partner again and
/// again: the round's record of formed groups (and so the report) holds that group once, however often.
/// </summary>
public class FlappingTests(NetwerkLiveFactory factory, ITestOutputHelper output) : IClassFixture<NetwerkLiveFactory>
{
    private const int Toggles = 100;

    [Fact]
    public async Task TogglingAvailabilityDuringARoundKeepsEachFormedGroupOnce()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        await host.Connection.StartRound(600, 2);
        var reportBefore = await ReportBytesAsync(live);
        var stateBefore = await StateBytesAsync(live.Id);

        for (var i = 0; i < Toggles; i++)
        {
            await ann.Connection.SetAvailable(i % 2 == 1);
        }

        var round = Assert.Single((await factory.Api.GetReportAsync(live.Id, live.Created.HostToken)).Rounds);
        var group = Assert.Single(round.Groups);
        Assert.Equal(new[] { ann.AttendeeId, bob.AttendeeId }.Order(StringComparer.Ordinal), group.Order(StringComparer.Ordinal));
        Assert.Equal(1, round.GroupCount);
        var reportAfter = await ReportBytesAsync(live);
        var stateAfter = await StateBytesAsync(live.Id);
        output.WriteLine($"after {Toggles} toggles: report {reportBefore} -> {reportAfter} bytes, breakout state {stateBefore} -> {stateAfter} bytes");
        // The report's counters may gain a digit or two; the list of groups may not grow.
        Assert.InRange(reportAfter, reportBefore - 16, reportBefore + 16);
        Assert.InRange(stateAfter, stateBefore - 64, stateBefore + 64);
    }

    private async Task<int> ReportBytesAsync(LiveEvent live)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events/{live.Id}/report", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", live.Created.HostToken);
        using var response = await factory.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>The size of the event's breakout state as the store keeps it (MessagePack, as Redis stores it).</summary>
    private async Task<int> StateBytesAsync(string eventId)
    {
        var state = await factory.Services.GetRequiredService<IBreakoutStore>().GetAsync(eventId);
        return MessagePack.MessagePackSerializer.Serialize(state).Length;
    }
}

public sealed class FlappingOnRedisTests(RedisNetwerkLiveFactory factory, ITestOutputHelper output)
    : FlappingTests(factory, output), IClassFixture<RedisNetwerkLiveFactory>;
