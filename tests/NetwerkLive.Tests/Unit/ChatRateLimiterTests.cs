using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetwerkLive.Server.Chat;
using NetwerkLive.Server.Events;

namespace NetwerkLive.Tests.Unit;

/// <summary>The defaults: a burst of five, one more per second, a full bucket again after five seconds.</summary>
public sealed class ChatRateLimiterTests : IDisposable
{
    private const string Event = "event1";
    private const string Ann = "ann";
    private const string Bob = "bob";

    private readonly FakeTimeProvider _time = new();
    private readonly ChatRateLimiter _limiter;

    public ChatRateLimiterTests()
    {
        _limiter = new ChatRateLimiter(Options.Create(new RoomOptions()), _time);
    }

    public void Dispose() => _limiter.Dispose();

    private int AcquireAll(string attendeeId, int tries = 20)
    {
        var passed = 0;
        for (var i = 0; i < tries; i++)
        {
            if (_limiter.TryAcquire(Event, attendeeId))
            {
                passed++;
            }
        }
        return passed;
    }

    [Fact]
    public void FiveMessagesInABurstPass()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True(_limiter.TryAcquire(Event, Ann), $"message {i + 1} was refused");
        }
    }

    [Fact]
    public void SixthMessageWithinTheWindowIsRefused()
    {
        Assert.Equal(5, AcquireAll(Ann, tries: 5));

        Assert.False(_limiter.TryAcquire(Event, Ann));
    }

    [Fact]
    public void OneSecondLaterExactlyOneMoreMessagePasses()
    {
        AcquireAll(Ann);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, AcquireAll(Ann));
    }

    [Fact]
    public void JustUnderOneSecondLaterNoMessagePasses()
    {
        AcquireAll(Ann);

        _time.Advance(TimeSpan.FromMilliseconds(999));

        Assert.Equal(0, AcquireAll(Ann));
    }

    [Fact]
    public void AfterAFullWindowTheWholeBurstIsBack()
    {
        AcquireAll(Ann);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(5, AcquireAll(Ann));
    }

    [Fact]
    public void AQuietAttendeeDoesNotSaveUpMoreThanOneBurst()
    {
        Assert.True(_limiter.TryAcquire(Event, Ann));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(5, AcquireAll(Ann));
    }

    [Fact]
    public void AttendeesHaveIndependentBuckets()
    {
        AcquireAll(Ann);

        Assert.Equal(5, AcquireAll(Bob));
        Assert.False(_limiter.TryAcquire(Event, Ann));
    }

    [Fact]
    public void TheSameAttendeeIdInAnotherEventHasItsOwnBucket()
    {
        AcquireAll(Ann);

        Assert.True(_limiter.TryAcquire("event2", Ann));
    }

    [Fact]
    public void BucketsOfIdleAttendeesAreSweptAfterTwoWindows()
    {
        AcquireAll(Ann);
        Assert.True(_limiter.TryAcquire(Event, Bob));
        Assert.Equal(2, _limiter.TrackedBuckets);

        _time.Advance(TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, _limiter.TrackedBuckets);
    }

    [Fact]
    public void SweepKeepsABucketThatIsStillRefilling()
    {
        _time.Advance(TimeSpan.FromSeconds(9));
        AcquireAll(Ann);

        // The sweep at 10 s finds Ann's bucket one token short of full: forgetting it would hand her a new burst.
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, _limiter.TrackedBuckets);
        Assert.Equal(1, AcquireAll(Ann));
    }
}
