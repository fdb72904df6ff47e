using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

/// <summary>What every <see cref="IChatStore"/> must do. Fresh event ids per test keep a shared store apart.</summary>
public abstract class ChatStoreContract
{
    /// <summary>A store that keeps the newest <paramref name="retention"/> messages of each event.</summary>
    protected abstract IChatStore CreateStore(int retention);

    private IChatStore CreateStore() => CreateStore(new RoomOptions().ChatRetention);

    private readonly string _eventId = Ids.NewEventId();
    private readonly string _sender = Ids.NewAttendeeId();

    private async Task<List<ChatMessage>> AppendAsync(IChatStore store, int count, string? eventId = null)
    {
        var sent = new List<ChatMessage>(count);
        for (var i = 0; i < count; i++)
        {
            sent.Add(await store.AppendAsync(eventId ?? _eventId, _sender, "Ann", $"message {i + 1}", sentAt: 1_000 + i));
        }
        return sent;
    }

    private static long[] Seqs(IEnumerable<ChatMessage> messages) => [.. messages.Select(m => m.Seq)];

    private static void AssertSeqs(IEnumerable<ChatMessage> messages, params long[] expected) => Assert.Equal(expected, Seqs(messages));

    private static long[] Range(long first, long last) => [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(i => (long)i)];

    [Fact]
    public async Task AppendReturnsTheStoredMessage()
    {
        var store = CreateStore();

        var message = await store.AppendAsync(_eventId, _sender, "Ann de Vries", "Hallo allemaal\nwie doet mee?", sentAt: 1_700_000_000_123);

        Assert.Equal(new ChatMessage(1, _sender, "Ann de Vries", "Hallo allemaal\nwie doet mee?", 1_700_000_000_123), message);
        Assert.Equal(message, Assert.Single(await store.GetLatestAsync(_eventId, 10)));
    }

    [Fact]
    public async Task SeqStartsAtOneAndGrowsByOne()
    {
        var sent = await AppendAsync(CreateStore(), 3);

        AssertSeqs(sent, 1, 2, 3);
    }

    [Fact]
    public async Task EachEventHasItsOwnSeq()
    {
        var store = CreateStore();
        await AppendAsync(store, 3);

        var other = await store.AppendAsync(Ids.NewEventId(), _sender, "Ann", "elsewhere", sentAt: 1_000);

        Assert.Equal(1, other.Seq);
    }

    [Fact]
    public async Task GetLatestReturnsTheNewestOldestFirst()
    {
        var store = CreateStore();
        await AppendAsync(store, 5);

        var latest = await store.GetLatestAsync(_eventId, 3);

        AssertSeqs(latest, 3, 4, 5);
        Assert.Equal("message 3", latest[0].Text);
    }

    [Fact]
    public async Task GetLatestOfMoreThanThereAreReturnsAll()
    {
        var store = CreateStore();
        await AppendAsync(store, 2);

        AssertSeqs(await store.GetLatestAsync(_eventId, 50), 1, 2);
    }

    [Fact]
    public async Task GetLatestOfAnEventWithoutChatIsEmpty()
    {
        Assert.Empty(await CreateStore().GetLatestAsync(_eventId, 50));
    }

    [Fact]
    public async Task GetLatestOfZeroIsEmpty()
    {
        var store = CreateStore();
        await AppendAsync(store, 2);

        Assert.Empty(await store.GetLatestAsync(_eventId, 0));
    }

    [Fact]
    public async Task GetSinceReturnsMessagesAfterTheSeqUpToTheLimit()
    {
        var store = CreateStore();
        await AppendAsync(store, 10);

        AssertSeqs(await store.GetSinceAsync(_eventId, afterSeq: 4, limit: 3), 5, 6, 7);
        AssertSeqs(await store.GetSinceAsync(_eventId, afterSeq: 8, limit: 50), 9, 10);
        Assert.Empty(await store.GetSinceAsync(_eventId, afterSeq: 10, limit: 50));
    }

    [Fact]
    public async Task GetSinceZeroStartsAtTheFirstMessage()
    {
        var store = CreateStore();
        await AppendAsync(store, 4);

        AssertSeqs(await store.GetSinceAsync(_eventId, afterSeq: 0, limit: 2), 1, 2);
    }

    [Fact]
    public async Task DefaultRetentionKeepsAtLeastFiveHundredMessages()
    {
        var store = CreateStore();
        await AppendAsync(store, 500);

        var kept = await store.GetSinceAsync(_eventId, afterSeq: 0, limit: 1000);

        Assert.Equal(Range(1, 500), Seqs(kept));
    }

    [Fact]
    public async Task MessagesBeyondTheRetentionAreDroppedOldestFirst()
    {
        var store = CreateStore(retention: 500);
        await AppendAsync(store, 507);

        Assert.Equal(Range(8, 507), Seqs(await store.GetSinceAsync(_eventId, afterSeq: 0, limit: 1000)));
        Assert.Equal(Range(8, 507), Seqs(await store.GetLatestAsync(_eventId, 1000)));
        Assert.False(await store.DeleteAsync(_eventId, 7));
    }

    [Fact]
    public async Task DeleteRemovesOneMessage()
    {
        var store = CreateStore();
        await AppendAsync(store, 5);

        Assert.True(await store.DeleteAsync(_eventId, 3));

        AssertSeqs(await store.GetLatestAsync(_eventId, 10), 1, 2, 4, 5);
        AssertSeqs(await store.GetSinceAsync(_eventId, afterSeq: 2, limit: 2), 4, 5);
    }

    [Fact]
    public async Task DeleteOfAnUnknownMessageIsFalse()
    {
        var store = CreateStore();
        await AppendAsync(store, 2);

        Assert.False(await store.DeleteAsync(_eventId, 3));
        Assert.False(await store.DeleteAsync(_eventId, 0));
        Assert.False(await store.DeleteAsync(Ids.NewEventId(), 1));
        Assert.Equal(2, (await store.GetLatestAsync(_eventId, 10)).Count);
    }

    [Fact]
    public async Task SecondDeleteOfTheSameMessageIsFalse()
    {
        var store = CreateStore();
        await AppendAsync(store, 2);
        await store.DeleteAsync(_eventId, 2);

        Assert.False(await store.DeleteAsync(_eventId, 2));
    }

    [Fact]
    public async Task SeqKeepsGrowingAfterDeletes()
    {
        var store = CreateStore();
        await AppendAsync(store, 3);
        await store.DeleteAsync(_eventId, 3);
        await store.DeleteAsync(_eventId, 2);

        var next = await store.AppendAsync(_eventId, _sender, "Ann", "after the deletes", sentAt: 9_000);

        Assert.Equal(4, next.Seq);
        AssertSeqs(await store.GetLatestAsync(_eventId, 10), 1, 4);
    }

    [Fact]
    public async Task ConcurrentAppendsGetUniqueGapFreeSeqs()
    {
        const int Writers = 4, PerWriter = 5000;
        var store = CreateStore(retention: Writers * PerWriter);
        using var start = new Barrier(Writers);

        // Own threads released together, so the writers really overlap: pool work items or continuations of a
        // shared TaskCompletionSource tend to run one after another on a small machine.
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Factory.StartNew(async () =>
        {
            start.SignalAndWait();
            var seqs = new List<long>(PerWriter);
            for (var i = 0; i < PerWriter; i++)
            {
                seqs.Add((await store.AppendAsync(_eventId, _sender, "Ann", $"{w}/{i}", sentAt: 1_000)).Seq);
            }
            return seqs;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        var batches = await Task.WhenAll(writers);

        Assert.Equal(Range(1, Writers * PerWriter), batches.SelectMany(s => s).Order().ToArray());
        Assert.Equal(Range(1, Writers * PerWriter), Seqs(await store.GetSinceAsync(_eventId, afterSeq: 0, limit: Writers * PerWriter)));
    }

    [Fact]
    public async Task TheFeedGivesEveryAppendedMessageOnceInSeqOrderOneAtATimeEvenWhenAppendsRace()
    {
        const int Count = 40;
        var store = CreateStore();
        var received = new List<long>();
        var inHandler = 0;
        var overlapped = false;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await store.SubscribeAsync(async (eventId, message) =>
        {
            if (eventId != _eventId)
            {
                return;
            }
            overlapped |= Interlocked.Increment(ref inHandler) > 1;
            await Task.Yield();
            lock (received)
            {
                received.Add(message.Seq);
                if (received.Count == Count)
                {
                    all.TrySetResult();
                }
            }
            Interlocked.Decrement(ref inHandler);
        });

        await Task.WhenAll(Enumerable.Range(0, Count).Select(i =>
            Task.Run(() => store.AppendAsync(_eventId, _sender, "Ann", $"message {i}", sentAt: 1_000 + i))));

        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Range(1, Count), received);
        Assert.False(overlapped, "The feed called its subscriber again before the previous call finished.");
    }

    [Fact]
    public async Task TheLatestAnnouncementIsKeptPerEvent()
    {
        var store = CreateStore();
        await store.SetAnnouncementAsync(_eventId, new Announcement("Welkom allemaal", 1_000));
        await store.SetAnnouncementAsync(_eventId, new Announcement("Over vijf minuten de eerste ronde", 2_000));

        Assert.Equal(new Announcement("Over vijf minuten de eerste ronde", 2_000), await store.GetAnnouncementAsync(_eventId));
        Assert.Null(await store.GetAnnouncementAsync(Ids.NewEventId()));
    }
}
