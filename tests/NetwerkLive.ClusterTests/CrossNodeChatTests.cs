using NetwerkLive.Client;
using NetwerkLive.ClusterTests.Infrastructure;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests;

[Collection(SharedCluster.Name)]
public sealed class CrossNodeChatTests(TwoNodeCluster nodes)
{
    [Fact]
    public async Task ChatSentOnOneNodeReachesClientsOnBothNodes()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (ann, _) = await live.JoinAsync(nodes.A, "Ann");
        var (cas, _) = await live.JoinAsync(nodes.A, "Cas");
        // The backplane carries each protocol's own serialisation: a JSON client on the other node too.
        var (bob, _) = await live.JoinAsync(nodes.B, "Bob", protocol: HubProtocol.Json);
        var (dee, _) = await live.JoinAsync(nodes.B, "Dee");

        var sent = await ann.Connection.SendChat("Goedemorgen vanaf node A");

        foreach (var client in new[] { ann, cas, bob, dee })
        {
            Assert.Equal(sent, await client.Chat.WaitFor(m => m.Seq == sent.Seq));
        }
    }

    [Fact]
    public async Task ConcurrentSendersOnBothNodesGiveEveryClientTheSameGapFreeOrder()
    {
        const int perSender = 25;
        const int total = 2 * perSender;
        await using var live = await ClusterEvent.CreateAsync(nodes.B);
        var (onA, _) = await live.JoinAsync(nodes.A, "Ann");
        var (onB, _) = await live.JoinAsync(nodes.B, "Bob");
        var (watchA, _) = await live.JoinAsync(nodes.A, "Cas");
        var (watchB, _) = await live.JoinAsync(nodes.B, "Dee");

        var acknowledged = await Task.WhenAll(SendAllAsync(onA, "A"), SendAllAsync(onB, "B"));

        var acks = acknowledged.SelectMany(a => a).OrderBy(m => m.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), acks.Select(m => m.Seq));
        foreach (var client in new[] { onA, onB, watchA, watchB })
        {
            await client.Chat.WaitFor(m => m.Seq == total);
            var received = client.Chat.Items.Select(m => m.Seq).ToList();
            Assert.True(received.SequenceEqual(acks.Select(m => m.Seq)),
                $"Attendee {client.AttendeeId} received seq {string.Join(",", received)}, not 1..{total} in order.");
            Assert.Equal(acks, client.Chat.Items);
        }
        var (lateA, joinA) = await live.JoinAsync(nodes.A, "Eva");
        var (lateB, joinB) = await live.JoinAsync(nodes.B, "Fem");
        Assert.Equal(acks, joinA.Chat);
        Assert.Equal(acks, joinB.Chat);
        Assert.Equal(acks, await lateA.Connection.GetChatSince(0, 200));
        Assert.Equal(acks, await lateB.Connection.GetChatSince(0, 200));

        static async Task<List<ChatMessage>> SendAllAsync(TestClient sender, string tag)
        {
            var sent = new List<ChatMessage>();
            for (var i = 1; i <= perSender; i++)
            {
                sent.Add(await sender.Connection.SendChat($"{tag}-{i}"));
            }
            return sent;
        }
    }
}
