using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Chat;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Benchmarks;

/// <summary>
/// The server's share of the two hottest hub calls, without the network: what <c>SendChat</c> does before
/// the fan-out (check the text, take a rate-limit token, append under the store's lock and queue it on the
/// feed), and what <c>Join</c> reads for its snapshot in an event of <see cref="Present"/> people (the first
/// 200 present, their records as DTOs, the last 50 chat messages). The in-memory stores, as a single node runs.
/// </summary>
[MemoryDiagnoser]
public class HubHotPathBenchmarks : IDisposable
{
    private const string EventId = "bench";
    private readonly RoomOptions _room = new() { ChatMessagesPerWindow = 1000, ChatWindow = TimeSpan.FromSeconds(1) };
    private IChatStore _chat = null!;
    private IPresenceStore _presence = null!;
    private IEventStore _events = null!;
    private InMemoryRateBudgets _budgets = null!;
    private LimitRules _rules = null!;
    private long _sender;

    [Params(300, 5_000)]
    public int Present { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddStorage();
        var services = builder.Build().Services;
        _chat = services.GetRequiredService<IChatStore>();
        _presence = services.GetRequiredService<IPresenceStore>();
        _events = services.GetRequiredService<IEventStore>();
        _budgets = new InMemoryRateBudgets(TimeProvider.System);
        _rules = new LimitRules(Options.Create(new LimitOptions { ChatMessagesPerClientPerWindow = 10_000 }), Options.Create(_room), Options.Create(new NetwerkLive.Server.Video.VideoOptions()));
        for (var i = 0; i < Present; i++)
        {
            var id = $"attendee-{i:D6}";
            _events.AddAttendeeAsync(new AttendeeRecord(EventId, id, $"Deelnemer {i}", "Bedrijf " + (i % 50), ["ai", "duurzaamheid"], null, false, true, false, i, "person-" + id)).GetAwaiter().GetResult();
            _presence.ConnectAsync(EventId, id, "c" + i, now: i).GetAwaiter().GetResult();
        }
        for (var i = 0; i < 100; i++)
        {
            _chat.AppendAsync(EventId, "attendee-000000", "Deelnemer 0", $"Bericht {i}", i).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _budgets?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<ChatMessage> SendChatBeforeFanOut()
    {
        // Senders in turn from a pool large enough that each stays far under its rate limit (1,000 a second)
        // at millions of calls a second: the token is taken, never refused.
        var sender = $"sender-{Interlocked.Increment(ref _sender) % 100_000:D6}";
        var text = ChatService.CheckText("Wie gaat er straks mee netwerken?\r\nIk zoek mensen uit de zorg.", "A chat message", _room);
        await ChatService.TakeTokenAsync(_budgets, _rules, new RoomMember(EventId, sender, false, "Deelnemer") { Client = sender });
        return await _chat.AppendAsync(EventId, sender, "Deelnemer", text, sentAt: 1_700_000_000_000);
    }

    [Benchmark]
    public async Task<int> JoinSnapshot()
    {
        var snapshot = await _presence.GetAsync(EventId, _room.AttendeesOnJoin);
        var records = await _events.GetAttendeesAsync(EventId, [.. snapshot.Attendees.Select(a => a.AttendeeId)]);
        var byId = records.ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        var attendees = snapshot.Attendees.Select(p => byId[p.AttendeeId].ToDto(p.JoinedAt)).ToArray();
        var history = await _chat.GetLatestAsync(EventId, _room.ChatOnJoin);
        return attendees.Length + history.Count;
    }
}
