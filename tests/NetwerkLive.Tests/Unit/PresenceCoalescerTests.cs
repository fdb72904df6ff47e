using Microsoft.Extensions.Time.Testing;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Presence;

namespace NetwerkLive.Tests.Unit;

public sealed class PresenceCoalescerTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new();
    private readonly Lock _gate = new();
    private readonly List<(string EventId, PresenceChange Change)> _sent = [];
    private readonly PresenceCoalescer _coalescer;

    public PresenceCoalescerTests()
    {
        _coalescer = new PresenceCoalescer(_time, Interval, (eventId, change) =>
        {
            lock (_gate)
            {
                _sent.Add((eventId, change));
            }
            return Task.CompletedTask;
        });
    }

    public void Dispose() => _coalescer.Dispose();

    private List<PresenceChange> SentTo(string eventId)
    {
        lock (_gate)
        {
            return [.. _sent.Where(s => s.EventId == eventId).Select(s => s.Change)];
        }
    }

    private static Attendee Person(string id) => new(id, "Name " + id, null, [], IsHost: false, Available: true, JoinedAt: 0);

    [Fact]
    public void FirstChangeAfterAQuietPeriodIsSentAtOnce()
    {
        _coalescer.Joined("e", Person("a"));

        var change = Assert.Single(SentTo("e"));
        Assert.Equal("a", Assert.Single(change.Joined).Id);
    }

    [Fact]
    public void ChangesWithinTheIntervalAreHeldBack()
    {
        _coalescer.Joined("e", Person("a"));
        _coalescer.Joined("e", Person("b"));
        _coalescer.Left("e", "c");

        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));

        Assert.Single(SentTo("e"));
    }

    [Fact]
    public void HeldChangesAreSentTogetherWhenTheIntervalEnds()
    {
        _coalescer.Joined("e", Person("a"));
        _coalescer.Joined("e", Person("b"));
        _coalescer.Joined("e", Person("c"));
        _coalescer.Left("e", "d");

        _time.Advance(Interval);

        var sent = SentTo("e");
        Assert.Equal(2, sent.Count);
        Assert.Equal(["b", "c"], sent[1].Joined.Select(a => a.Id).Order());
        Assert.Equal(["d"], sent[1].Left);
    }

    [Fact]
    public void JoinStormOfAThousandOverThreeSecondsCostsAtMostFourMessages()
    {
        for (var i = 0; i < 1000; i++)
        {
            _coalescer.Joined("e", Person($"p{i:D4}"));
            _time.Advance(TimeSpan.FromMilliseconds(3));
        }
        _time.Advance(Interval);

        var sent = SentTo("e");
        Assert.InRange(sent.Count, 1, 4);
        var joined = sent.SelectMany(c => c.Joined).Select(a => a.Id).ToList();
        Assert.Equal(1000, joined.Count);
        Assert.Equal(1000, joined.Distinct().Count());
        Assert.All(sent, c => Assert.Empty(c.Left));
    }

    [Fact]
    public void EventsAreCoalescedIndependently()
    {
        _coalescer.Joined("e1", Person("a"));
        _coalescer.Joined("e2", Person("b"));
        _coalescer.Joined("e1", Person("c"));

        Assert.Equal("b", Assert.Single(Assert.Single(SentTo("e2")).Joined).Id);
        Assert.Single(SentTo("e1"));

        _time.Advance(Interval);

        Assert.Equal("c", Assert.Single(SentTo("e1")[1].Joined).Id);
        Assert.Single(SentTo("e2"));
    }

    [Fact]
    public void StateOfAnEventIsDroppedAfterAQuietInterval()
    {
        _coalescer.Joined("e", Person("a"));
        Assert.Equal(1, _coalescer.ActiveEvents);

        _time.Advance(Interval);

        Assert.Equal(0, _coalescer.ActiveEvents);
    }

    [Fact]
    public void StateStaysWhileChangesKeepComing()
    {
        _coalescer.Joined("e", Person("a"));
        _coalescer.Joined("e", Person("b"));

        _time.Advance(Interval);

        Assert.Equal(1, _coalescer.ActiveEvents);
    }

    [Fact]
    public void AfterAQuietIntervalTheNextChangeIsSentAtOnceAgain()
    {
        _coalescer.Joined("e", Person("a"));
        _time.Advance(Interval);

        _coalescer.Left("e", "a");

        var sent = SentTo("e");
        Assert.Equal(2, sent.Count);
        Assert.Equal(["a"], sent[1].Left);
    }

    [Fact]
    public void NoMessageIsSentForAnIntervalWithoutChanges()
    {
        _coalescer.Joined("e", Person("a"));

        _time.Advance(Interval * 5);

        Assert.Single(SentTo("e"));
    }

    [Fact]
    public void ADeferredMessageGoesOutAtTheNextIntervalWithNewerChanges()
    {
        _coalescer.Defer("e", new PresenceChange([Person("a")], [], [], AttendeeCount: 0));
        _coalescer.Joined("e", Person("b"));
        Assert.Empty(SentTo("e"));

        _time.Advance(Interval);

        var change = Assert.Single(SentTo("e"));
        Assert.Equal(["a", "b"], change.Joined.Select(a => a.Id).Order());
    }

    [Fact]
    public void ADeferredMessageDuringAnIntervalWaitsForItsEnd()
    {
        _coalescer.Joined("e", Person("a"));
        var first = Assert.Single(SentTo("e"));

        _coalescer.Defer("e", first);
        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Single(SentTo("e"));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, SentTo("e").Count);
        Assert.Equal("a", Assert.Single(SentTo("e")[1].Joined).Id);
    }
}
