using System.Diagnostics;
using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

/// <summary>A node that dies without a word (SIGKILL) must not keep its people in the room.</summary>
public sealed class NodeDeathPresenceTests
{
    private static readonly TimeSpan RemovalDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AttendeesOfAKilledNodeLeaveThePresenceOfTheSurvivors()
    {
        await using var cluster = await Cluster.StartAsync(2);
        var (victim, survivor) = (cluster[0], cluster[1]);
        await using var live = await ClusterEvent.CreateAsync(survivor);
        var (watcher, _) = await live.JoinAsync(survivor, "Wim");
        var (ann, _) = await live.JoinAsync(victim, "Ann");
        var (bob, _) = await live.JoinAsync(victim, "Bob");
        await watcher.Presence.WaitFor(p => p.AttendeeCount == 3);

        var clock = Stopwatch.StartNew();
        await victim.KillAsync();

        Assert.True(victim.HasExited);
        using (var http = new HttpClient())
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri(victim.BaseUrl, "/healthz")));
            using var ready = await http.GetAsync(new Uri(survivor.BaseUrl, ClusterNode.ReadinessPath));
            Assert.True(ready.IsSuccessStatusCode, $"The surviving node is not ready after the other died: {(int)ready.StatusCode}.\n{cluster.Output()}");
        }

        var gone = new[] { ann.AttendeeId, bob.AttendeeId };
        try
        {
            await Task.WhenAll(gone.Select(id => watcher.Presence.WaitFor(p => p.Left.Contains(id), RemovalDeadline)));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Ann and Bob, connected only to the killed node, were still present {RemovalDeadline.TotalSeconds} s later. Presence seen by Wim: "
                + string.Join("; ", watcher.Presence.Items.Select(p => $"count {p.AttendeeCount}, left [{string.Join(",", p.Left)}]")) + "\n" + cluster.Output());
        }
        var removedAfter = clock.Elapsed;
        Assert.True(removedAfter < RemovalDeadline, $"Removed {removedAfter.TotalSeconds:0.0} s after the kill.");

        var (_, fresh) = await live.JoinAsync(survivor, "Cas");
        Assert.DoesNotContain(fresh.Attendees, a => gone.Contains(a.Id));
        Assert.True(fresh.AttendeeCount == 2, $"Cas found {fresh.AttendeeCount} present, not Wim and herself; the killed node's attendees were removed after {removedAfter.TotalSeconds:0.0} s.");
        Assert.Equal(2, (await survivor.Api.GetEventAsync(live.Id)).AttendeeCount);
    }
}
