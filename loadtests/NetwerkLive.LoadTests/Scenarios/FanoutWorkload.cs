using System.Diagnostics;
using System.Globalization;
using NetwerkLive.LoadTests.Clients;
using NetwerkLive.LoadTests.Measurement;
using NetwerkLive.LoadTests.Results;

namespace NetwerkLive.LoadTests.Scenarios;

/// <summary>
/// N clients in one room, M of them sending at a fixed total rate for a fixed time. Each message carries
/// its send timestamp, so every receipt gives one end-to-end latency. Run the same way against our
/// server and the baseline hub (chat-fanout), and on one and two nodes (multi-node).
/// </summary>
internal static class FanoutWorkload
{
    private const string Filler = "Hello everyone, glad to be here: who else works on real-time apps?";

    public static async Task RunAsync(ScenarioContext context, IRoomTarget room, TargetResult target, CancellationToken ct)
    {
        var size = context.Size;
        var clients = await room.PrepareClientsAsync(size.Attendees, size.Concurrency, ct);
        var joins = await JoinPhase.RunAsync(context, target, clients, ct);
        // Measure the chat, not the tail of the join storm queued ahead of it on the same connections.
        var settling = Stamp.Now;
        if (!await room.SettleAsync(clients, joins.Joined, size.Timeout, ct))
        {
            target.Problems.Add($"The room had not settled (every client knowing the final count) {size.Timeout.TotalSeconds:0} s after the joins.");
        }
        target.Set("settleMs", Stamp.Seconds(settling, Stamp.Now) * 1000);

        var run = Guid.NewGuid().ToString("N")[..8];
        var latency = new LatencyHistogram();
        var received = new Countdown(long.MaxValue);
        foreach (var client in clients)
        {
            client.MessageReceived += text =>
            {
                if (TryReadStamp(text, run, out var sentAt))
                {
                    latency.Record(sentAt, Stamp.Now);
                    received.Add();
                }
            };
        }

        var total = (int)Math.Max(1, Math.Round(size.Rate * size.Duration.TotalSeconds));
        var senders = clients.Take(size.Senders).ToArray();
        var sent = 0;
        var failed = 0;
        string? firstError = null;
        var sends = new List<Task>(total);
        var started = Stamp.Now;
        using (context.Progress.Track($"{target.Name}: send {total} at {size.Rate}/s", total, () => Volatile.Read(ref sent) + Volatile.Read(ref failed)))
        using (context.Progress.Track($"{target.Name}: deliver {total} x {joins.Joined}", (double)total * joins.Joined, () => received.Count))
        {
            for (var k = 0; k < total; k++)
            {
                // A fixed schedule, not "send, then wait": a slow answer does not slow the offered load down.
                var due = started + (long)(k / size.Rate * Stopwatch.Frequency);
                if (Stamp.Seconds(Stamp.Now, due) is var wait and > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), ct);
                }
                sends.Add(SendAsync(senders[k % senders.Length], $"{run} {Stamp.Now.ToString(CultureInfo.InvariantCulture)} {Filler}"));
            }
            if (!await Bounded.WithinAsync(Task.WhenAll(sends), size.Timeout, ct))
            {
                target.Problems.Add($"Sends still unanswered {size.Timeout.TotalSeconds:0} s after the last one.");
            }
            received.Retarget((long)sent * joins.Joined);
            if (!await Bounded.WithinAsync(received.Done, size.Timeout, ct))
            {
                target.Problems.Add($"{received.Count} of {received.Target} deliveries within {size.Timeout.TotalSeconds:0} s of the last send.");
            }
        }
        if (failed > 0)
        {
            target.Problems.Add($"{failed} of {total} sends failed; the first said: {firstError}");
        }
        var seconds = Stamp.Seconds(started, received.LastAt == 0 ? Stamp.Now : received.LastAt);
        target.Set("sent", sent);
        target.Set("delivered", received.Count);
        target.Set("deliveredPercent", received.Target == 0 ? null : 100.0 * received.Count / received.Target);
        target.Set("offeredDeliveriesPerSecond", size.Rate * joins.Joined);
        target.Set("deliveredPerSecond", received.Count / seconds);
        target.Add("endToEnd", latency);

        async Task SendAsync(IRoomClient sender, string text)
        {
            try
            {
                await sender.SendAsync(text);
                Interlocked.Increment(ref sent);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref firstError, ex.Message, null);
                Interlocked.Increment(ref failed);
            }
        }
    }

    private static bool TryReadStamp(string text, string run, out long stamp)
    {
        stamp = 0;
        var span = text.AsSpan();
        if (!span.StartsWith(run, StringComparison.Ordinal) || span.Length <= run.Length + 1)
        {
            return false;
        }
        span = span[(run.Length + 1)..];
        var end = span.IndexOf(' ');
        return long.TryParse(end < 0 ? span : span[..end], NumberStyles.None, CultureInfo.InvariantCulture, out stamp);
    }
}
