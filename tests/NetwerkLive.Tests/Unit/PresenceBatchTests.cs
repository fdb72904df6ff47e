using NetwerkLive.Contracts;
using NetwerkLive.Server.Presence;

namespace NetwerkLive.Tests.Unit;

public sealed class PresenceBatchTests
{
    private static Attendee Person(string id, bool available = true) =>
        new(id, "Name " + id, "Company", [], IsHost: false, available, JoinedAt: 1_000);

    [Fact]
    public void NewBatchIsEmpty()
    {
        Assert.True(new PresenceBatch().IsEmpty);
    }

    [Fact]
    public void JoinThenLeaveInOneBatchYieldsOnlyTheLeave()
    {
        var batch = new PresenceBatch();
        batch.Joined(Person("a"));
        batch.Left("a");

        var change = batch.Drain();

        Assert.Empty(change.Joined);
        Assert.Equal(["a"], change.Left);
        Assert.Empty(change.Updated);
    }

    [Fact]
    public void LeaveThenJoinInOneBatchYieldsOnlyTheJoin()
    {
        var batch = new PresenceBatch();
        batch.Left("a");
        batch.Joined(Person("a"));

        var change = batch.Drain();

        Assert.Equal("a", Assert.Single(change.Joined).Id);
        Assert.Empty(change.Left);
    }

    [Fact]
    public void UpdateOfAPendingJoinReplacesTheJoinedEntry()
    {
        var batch = new PresenceBatch();
        batch.Joined(Person("a", available: true));
        batch.Updated(Person("a", available: false));

        var change = batch.Drain();

        Assert.False(Assert.Single(change.Joined).Available);
        Assert.Empty(change.Updated);
    }

    [Fact]
    public void UpdateAfterLeaveIsIgnored()
    {
        var batch = new PresenceBatch();
        batch.Left("a");
        batch.Updated(Person("a"));

        var change = batch.Drain();

        Assert.Empty(change.Updated);
        Assert.Empty(change.Joined);
        Assert.Equal(["a"], change.Left);
    }

    [Fact]
    public void LaterUpdateOfTheSameAttendeeReplacesTheEarlierOne()
    {
        var batch = new PresenceBatch();
        batch.Updated(Person("a", available: false));
        batch.Updated(Person("a", available: true));

        var change = batch.Drain();

        Assert.True(Assert.Single(change.Updated).Available);
    }

    [Fact]
    public void LeaveDropsAPendingUpdate()
    {
        var batch = new PresenceBatch();
        batch.Updated(Person("a"));
        batch.Left("a");

        var change = batch.Drain();

        Assert.Empty(change.Updated);
        Assert.Equal(["a"], change.Left);
    }

    [Fact]
    public void DrainEmptiesTheBatch()
    {
        var batch = new PresenceBatch();
        batch.Joined(Person("a"));
        batch.Left("b");
        batch.Updated(Person("c"));

        var first = batch.Drain();
        var second = batch.Drain();

        Assert.True(batch.IsEmpty);
        Assert.Equal(3, first.Joined.Length + first.Left.Length + first.Updated.Length);
        Assert.Empty(second.Joined);
        Assert.Empty(second.Left);
        Assert.Empty(second.Updated);
    }

    private static PresenceChange Change(Attendee[]? joined = null, string[]? left = null, Attendee[]? updated = null) =>
        new(joined ?? [], left ?? [], updated ?? [], AttendeeCount: 0);

    [Fact]
    public void ARestoredMessageComesOutAgainWithWhatWasRecordedSince()
    {
        var batch = new PresenceBatch();
        batch.Joined(Person("b"));

        batch.Restore(Change(joined: [Person("a")], left: ["c"], updated: [Person("d")]));
        var change = batch.Drain();

        Assert.Equal(["a", "b"], change.Joined.Select(a => a.Id).Order());
        Assert.Equal(["c"], change.Left);
        Assert.Equal(["d"], change.Updated.Select(a => a.Id));
    }

    [Fact]
    public void ALeaveRecordedAfterTheRestoredJoinWins()
    {
        var batch = new PresenceBatch();
        batch.Left("a");

        batch.Restore(Change(joined: [Person("a")]));
        var change = batch.Drain();

        Assert.Empty(change.Joined);
        Assert.Equal(["a"], change.Left);
    }

    [Fact]
    public void AJoinRecordedAfterTheRestoredLeaveWins()
    {
        var batch = new PresenceBatch();
        batch.Joined(Person("a"));

        batch.Restore(Change(left: ["a"]));
        var change = batch.Drain();

        Assert.Equal(["a"], change.Joined.Select(a => a.Id));
        Assert.Empty(change.Left);
    }

    [Fact]
    public void AnUpdateRecordedAfterTheRestoredJoinIsSentAsTheJoin()
    {
        var batch = new PresenceBatch();
        batch.Updated(Person("a", available: false));

        batch.Restore(Change(joined: [Person("a")]));
        var change = batch.Drain();

        Assert.False(Assert.Single(change.Joined).Available);
        Assert.Empty(change.Updated);
    }

    [Fact]
    public void AnOlderUpdateDoesNotOverwriteANewerOne()
    {
        var batch = new PresenceBatch();
        batch.Updated(Person("a", available: false));

        batch.Restore(Change(updated: [Person("a", available: true)]));

        Assert.False(Assert.Single(batch.Drain().Updated).Available);
    }
}
