using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

/// <summary>
/// What every <see cref="IBreakoutStore"/> must do. An implementation subclasses this and says how to make
/// a store; event, series and attendee ids are fresh per test so a store shared between tests (one Redis) works too.
/// </summary>
public abstract class BreakoutStoreContract
{
    protected abstract IBreakoutStore CreateStore();

    private readonly string _eventId = Ids.NewEventId();
    private readonly string _seriesId = Ids.NewEventId();
    private readonly string _ann = Ids.NewAttendeeId();
    private readonly string _bob = Ids.NewAttendeeId();
    private readonly string _cas = Ids.NewAttendeeId();

    /// <summary>A fresh person id (the name only makes a failing test readable).</summary>
    private static string Person(string name) => name + "-" + Ids.NewPersonId();

    private static Task<bool> QueueAsync(IBreakoutStore store, string eventId, string attendeeId) =>
        store.UpdateAsync(eventId, state =>
        {
            state.CoffeeQueue.Add(attendeeId);
            return true;
        });

    private static Meeting MeetingOf(string roundId, string a, string b, string personA, string personB) =>
        new(roundId, a, b, personA, personB, CrossCompany: true, New: true, At: 1_700_000_000_000);

    [Fact]
    public async Task TheStateOfAnUnknownEventIsEmpty()
    {
        var state = await CreateStore().GetAsync(Ids.NewEventId());

        Assert.Equal(0, state.Version);
        Assert.Null(state.Round);
        Assert.Empty(state.Groups);
        Assert.Empty(state.MemberOf);
        Assert.Empty(state.CoffeeQueue);
        Assert.Empty(state.PastRounds);
        Assert.Equal(0, state.RoundCounter);
    }

    /// <summary>How <see cref="IBreakoutStore.GetGroupOfAsync"/> sees an attendee: (round, group, members, call connected), or null.</summary>
    protected static async Task<(string, string, string[], bool)?> GroupOfAsync(IBreakoutStore store, string eventId, string attendeeId) =>
        await store.GetGroupOfAsync(eventId, attendeeId) is { } g ? (g.RoundId, g.GroupId, [.. g.Members], g.CallConnected) : null;

    [Fact]
    public async Task GroupOfFollowsEveryChangeOfTheGroups()
    {
        var store = CreateStore();
        Assert.Null(await GroupOfAsync(store, _eventId, _ann));

        await store.UpdateAsync(_eventId, state =>
        {
            state.AddGroup(new GroupState { GroupId = "g1", RoundId = "r1", Members = [_ann, _bob], EndsAt = 1_700_000_600_000 });
            return true;
        });
        Assert.Equal(("r1", "g1", [_ann, _bob], false), await GroupOfAsync(store, _eventId, _ann));
        Assert.Null(await GroupOfAsync(store, _eventId, _cas));

        await store.UpdateAsync(_eventId, state =>
        {
            state.AddMember(state.Groups["g1"], _cas);
            return state.RecordCallConnected(state.Groups["g1"]);
        });
        Assert.Equal(("r1", "g1", [_ann, _bob, _cas], true), await GroupOfAsync(store, _eventId, _cas));
        Assert.Equal(("r1", "g1", [_ann, _bob, _cas], true), await GroupOfAsync(store, _eventId, _ann));

        await store.UpdateAsync(_eventId, state => state.RemoveMember(_ann));
        Assert.Null(await GroupOfAsync(store, _eventId, _ann));
        Assert.Equal(("r1", "g1", [_bob, _cas], true), await GroupOfAsync(store, _eventId, _bob));
    }

    [Fact]
    public async Task UpdateSavesTheChangeAndReturnsWhatTheChangeReturned()
    {
        var store = CreateStore();

        var result = await store.UpdateAsync(_eventId, state =>
        {
            state.CoffeeQueue.Add(_ann);
            state.AddGroup(new GroupState { GroupId = "g1", RoundId = "r1", Members = [_bob, _cas], EndsAt = 1_700_000_600_000 });
            return "done";
        });

        Assert.Equal("done", result);
        var saved = await store.GetAsync(_eventId);
        Assert.Equal([_ann], saved.CoffeeQueue);
        Assert.Equal([_bob, _cas], saved.GroupOf(_cas)?.Members);
        Assert.Equal(1_700_000_600_000, saved.Groups["g1"].EndsAt);
    }

    [Fact]
    public async Task EachSavedUpdateBumpsTheVersion()
    {
        var store = CreateStore();
        var before = (await store.GetAsync(_eventId)).Version;

        await store.UpdateAsync(_eventId, state => state.RoundCounter++);
        var once = (await store.GetAsync(_eventId)).Version;
        await store.UpdateAsync(_eventId, state => state.RoundCounter++);
        var twice = (await store.GetAsync(_eventId)).Version;

        Assert.True(once > before, $"The version stayed at {before} after an update.");
        Assert.True(twice > once, $"The version stayed at {once} after a second update.");
    }

    [Fact]
    public async Task AChangeThatThrowsSavesNothing()
    {
        var store = CreateStore();
        await QueueAsync(store, _eventId, _ann);
        var before = await store.GetAsync(_eventId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateAsync<bool>(_eventId, state =>
        {
            state.CoffeeQueue.Add(_bob);
            state.RoundCounter = 99;
            throw new InvalidOperationException("Refused halfway.");
        }));

        var after = await store.GetAsync(_eventId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal([_ann], after.CoffeeQueue);
        Assert.Equal(0, after.RoundCounter);
    }

    [Fact]
    public async Task ChangingTheStateReadByGetDoesNotChangeTheStore()
    {
        var store = CreateStore();
        await QueueAsync(store, _eventId, _ann);

        var copy = await store.GetAsync(_eventId);
        copy.CoffeeQueue.Add(_bob);
        copy.RoundCounter = 7;

        var saved = await store.GetAsync(_eventId);
        Assert.Equal([_ann], saved.CoffeeQueue);
        Assert.Equal(0, saved.RoundCounter);
    }

    [Fact]
    public async Task ConcurrentUpdatesNeverLoseAnIncrement()
    {
        const int Writers = 8, PerWriter = 25;
        var store = CreateStore();
        using var start = new Barrier(Writers);

        // Own threads released together, so the updates really overlap (see the chat store's concurrency test).
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Factory.StartNew(async () =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerWriter; i++)
            {
                await store.UpdateAsync(_eventId, state => ++state.RoundCounter);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(writers);

        Assert.Equal(Writers * PerWriter, (await store.GetAsync(_eventId)).RoundCounter);
    }

    [Fact]
    public async Task EventsHaveTheirOwnState()
    {
        var store = CreateStore();

        await QueueAsync(store, _eventId, _ann);

        Assert.Empty((await store.GetAsync(Ids.NewEventId())).CoffeeQueue);
    }

    [Fact]
    public async Task MeetingsAreRecordedPerEvent()
    {
        var store = CreateStore();
        var (ann, bob, cas) = (Person("ann"), Person("bob"), Person("cas"));
        var first = MeetingOf("r1", _ann, _bob, ann, bob);
        var second = MeetingOf("coffee-1", _ann, _cas, ann, cas) with { CrossCompany = false, New = false, At = 1_700_000_100_000 };
        var elsewhere = MeetingOf("r9", _bob, _cas, bob, cas);

        await store.RecordMeetingsAsync(_eventId, _seriesId, [first]);
        await store.RecordMeetingsAsync(Ids.NewEventId(), _seriesId, [elsewhere]);
        await store.RecordMeetingsAsync(_eventId, _seriesId, [second]);

        Assert.Equal([first, second], await store.GetMeetingsAsync(_eventId));
    }

    [Fact]
    public async Task AMeetingRecordedAgainInTheSameRoundIsKeptOnce()
    {
        var store = CreateStore();
        var (ann, bob) = (Person("ann"), Person("bob"));
        var first = MeetingOf("r1", _ann, _bob, ann, bob);

        await store.RecordMeetingsAsync(_eventId, _seriesId, [first]);
        await store.RecordMeetingsAsync(_eventId, _seriesId, [MeetingOf("r1", _bob, _ann, bob, ann) with { New = false, At = 1_700_000_100_000 }]);
        await store.RecordMeetingsAsync(_eventId, _seriesId, [first, first]);

        Assert.Equal([first], await store.GetMeetingsAsync(_eventId));
    }

    [Fact]
    public async Task TheSamePairMeetingInAnotherRoundIsAnotherMeeting()
    {
        var store = CreateStore();
        var (ann, bob) = (Person("ann"), Person("bob"));
        var first = MeetingOf("r1", _ann, _bob, ann, bob);
        var again = MeetingOf("r2", _ann, _bob, ann, bob) with { New = false };

        await store.RecordMeetingsAsync(_eventId, _seriesId, [first]);
        await store.RecordMeetingsAsync(_eventId, _seriesId, [again]);

        Assert.Equal([first, again], await store.GetMeetingsAsync(_eventId));
    }

    [Fact]
    public async Task AnEventWithoutMeetingsHasNone()
    {
        Assert.Empty(await CreateStore().GetMeetingsAsync(Ids.NewEventId()));
    }

    [Fact]
    public async Task SeriesMeetingsAreThePersonPairsOfEveryEventInTheSeries()
    {
        var store = CreateStore();
        var (ann, bob, cas) = (Person("ann"), Person("bob"), Person("cas"));

        await store.RecordMeetingsAsync(Ids.NewEventId(), _seriesId, [MeetingOf("r1", _ann, _bob, ann, bob)]);
        await store.RecordMeetingsAsync(Ids.NewEventId(), _seriesId, [MeetingOf("r1", Ids.NewAttendeeId(), Ids.NewAttendeeId(), cas, ann)]);
        await store.RecordMeetingsAsync(Ids.NewEventId(), Ids.NewEventId(), [MeetingOf("r1", _bob, _cas, bob, cas)]);

        var met = await store.GetSeriesMeetingsAsync(_seriesId);
        Assert.Equal(2, met.Count);
        Assert.Contains(PairKey.Of(bob, ann), met);
        Assert.Contains(PairKey.Of(ann, cas), met);
    }

    [Fact]
    public async Task AnUnknownSeriesHasNoMeetingsAndNoBlocks()
    {
        var store = CreateStore();

        Assert.Empty(await store.GetSeriesMeetingsAsync(Ids.NewEventId()));
        Assert.Empty(await store.GetBlocksAsync(Ids.NewEventId()));
    }

    [Fact]
    public async Task BlocksAreKeptPerSeries()
    {
        var store = CreateStore();
        var (ann, bob, cas) = (Person("ann"), Person("bob"), Person("cas"));

        await store.AddBlockAsync(_seriesId, PairKey.Of(ann, bob));
        await store.AddBlockAsync(_seriesId, PairKey.Of(bob, ann));
        await store.AddBlockAsync(Ids.NewEventId(), PairKey.Of(ann, cas));

        Assert.Equal([PairKey.Of(ann, bob)], await store.GetBlocksAsync(_seriesId));
    }

    [Fact]
    public async Task AOneSidedFollowUpRequestIsNotMutual()
    {
        var store = CreateStore();

        Assert.False(await store.RequestFollowUpAsync(_eventId, _ann, _bob));

        Assert.Empty(await store.GetMutualFollowUpsAsync(_eventId));
    }

    [Fact]
    public async Task TheSecondRequestOfAPairMakesItMutual()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);

        Assert.True(await store.RequestFollowUpAsync(_eventId, _bob, _ann));
    }

    [Fact]
    public async Task AskingAgainBeforeTheOtherAskedIsStillNotMutual()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);

        Assert.False(await store.RequestFollowUpAsync(_eventId, _ann, _bob));
    }

    [Fact]
    public async Task AskingAgainAfterAMatchDoesNotMatchAgain()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);
        await store.RequestFollowUpAsync(_eventId, _bob, _ann);

        Assert.False(await store.RequestFollowUpAsync(_eventId, _ann, _bob));
        Assert.False(await store.RequestFollowUpAsync(_eventId, _bob, _ann));
    }

    [Fact]
    public async Task FollowUpRequestsOfOneEventDoNotCountInAnother()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(Ids.NewEventId(), _ann, _bob);

        Assert.False(await store.RequestFollowUpAsync(_eventId, _bob, _ann));
    }

    [Fact]
    public async Task MutualFollowUpsListEachPairOnce()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);
        await store.RequestFollowUpAsync(_eventId, _bob, _ann);
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);
        await store.RequestFollowUpAsync(_eventId, _bob, _ann);
        await store.RequestFollowUpAsync(_eventId, _cas, _ann);
        await store.RequestFollowUpAsync(_eventId, _bob, _cas);
        await store.RequestFollowUpAsync(_eventId, _cas, _bob);

        var mutual = await store.GetMutualFollowUpsAsync(_eventId);

        Assert.Equal(2, mutual.Count);
        Assert.Contains(PairKey.Of(_ann, _bob), mutual);
        Assert.Contains(PairKey.Of(_bob, _cas), mutual);
    }

    [Fact]
    public async Task WithdrawingForgetsTheRequestsOfBothDirections()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);

        await store.WithdrawFollowUpsAsync(_eventId, PairKey.Of(_bob, _ann));

        Assert.False(await store.RequestFollowUpAsync(_eventId, _bob, _ann));
        await store.WithdrawFollowUpsAsync(_eventId, PairKey.Of(_ann, _bob));
        Assert.False(await store.RequestFollowUpAsync(_eventId, _ann, _bob));
        Assert.Empty(await store.GetMutualFollowUpsAsync(_eventId));
    }

    [Fact]
    public async Task WithdrawingAMatchedPairTakesItOutOfTheMutualOnes()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);
        await store.RequestFollowUpAsync(_eventId, _bob, _ann);
        await store.RequestFollowUpAsync(_eventId, _cas, _ann);
        await store.RequestFollowUpAsync(_eventId, _ann, _cas);

        await store.WithdrawFollowUpsAsync(_eventId, PairKey.Of(_ann, _bob));

        Assert.Equal([PairKey.Of(_ann, _cas)], await store.GetMutualFollowUpsAsync(_eventId));
    }

    [Fact]
    public async Task WithdrawingInOneEventLeavesAnotherAlone()
    {
        var store = CreateStore();
        var other = Ids.NewEventId();
        await store.RequestFollowUpAsync(other, _ann, _bob);

        await store.WithdrawFollowUpsAsync(_eventId, PairKey.Of(_ann, _bob));

        Assert.True(await store.RequestFollowUpAsync(other, _bob, _ann));
    }

    [Fact]
    public async Task AnEventWithoutFollowUpsHasNoMutualOnes()
    {
        Assert.Empty(await CreateStore().GetMutualFollowUpsAsync(Ids.NewEventId()));
    }

    [Fact]
    public async Task AnEventIsDueOnceItsNextDueTimeHasCome()
    {
        var store = CreateStore();
        await store.UpdateAsync(_eventId, state => state.NextDueAt = 5_000);

        Assert.DoesNotContain(_eventId, await store.GetDueAsync(now: 4_999, limit: int.MaxValue));
        Assert.Contains(_eventId, await store.GetDueAsync(now: 5_000, limit: int.MaxValue));
    }

    [Fact]
    public async Task AnEventWithNothingPendingIsNeverDue()
    {
        var store = CreateStore();
        await store.UpdateAsync(_eventId, state => state.NextDueAt = 5_000);

        await store.UpdateAsync(_eventId, state => state.NextDueAt = null);

        Assert.DoesNotContain(_eventId, await store.GetDueAsync(now: long.MaxValue, limit: int.MaxValue));
    }

    private static BreakoutChatMessage Said(string groupId, string senderId, string text, long at) => new("r1", groupId, senderId, "Ann", text, at);

    private static Task<bool> AddGroupAsync(IBreakoutStore store, string eventId, string groupId, params string[] members) =>
        store.UpdateAsync(eventId, state =>
        {
            state.AddGroup(new GroupState { GroupId = groupId, RoundId = "r1", Members = [.. members], EndsAt = 1_700_000_600_000 });
            return true;
        });

    [Fact]
    public async Task AGroupsChatIsRecalledOldestFirstKeepingTheNewestFifty()
    {
        var store = CreateStore();
        await AddGroupAsync(store, _eventId, "g1", _ann, _bob);
        var said = Enumerable.Range(1, BreakoutMemory.BreakoutChatKept + 2).Select(i => Said("g1", _ann, $"bericht {i}", 1_000 + i)).ToList();
        foreach (var message in said)
        {
            await store.AppendBreakoutChatAsync(_eventId, message);
        }

        var memory = await store.RecallAsync(_eventId, _bob, "g1");

        Assert.Equal(said.Skip(2), memory.Chat);
    }

    [Fact]
    public async Task AnotherGroupsChatIsNotRecalled()
    {
        var store = CreateStore();
        await AddGroupAsync(store, _eventId, "g1", _ann, _bob);
        await AddGroupAsync(store, _eventId, "g2", _cas, Ids.NewAttendeeId());
        await store.AppendBreakoutChatAsync(_eventId, Said("g2", _cas, "Alleen voor ons", 1_000));

        Assert.Empty((await store.RecallAsync(_eventId, _ann, "g1")).Chat);
    }

    [Fact]
    public async Task AGroupsChatGoesWithTheUpdateThatEndsTheGroup()
    {
        var store = CreateStore();
        await AddGroupAsync(store, _eventId, "g1", _ann, _bob);
        await store.AppendBreakoutChatAsync(_eventId, Said("g1", _ann, "Tot zo", 1_000));

        await store.UpdateAsync(_eventId, state =>
        {
            state.RemoveGroup(state.Groups["g1"]);
            return true;
        });

        Assert.Empty((await store.RecallAsync(_eventId, _ann, "g1")).Chat);
    }

    [Fact]
    public async Task TheLatestBroadcastIsRecalledWithAGroupOnly()
    {
        var store = CreateStore();
        await store.SetBroadcastAsync(_eventId, new Announcement("Nog vijf minuten", 1_000));
        await store.SetBroadcastAsync(_eventId, new Announcement("Nog één minuut", 2_000));

        Assert.Equal(new Announcement("Nog één minuut", 2_000), (await store.RecallAsync(_eventId, _ann, "g1")).Broadcast);
        Assert.Null((await store.RecallAsync(_eventId, _ann, groupId: null)).Broadcast);
    }

    [Fact]
    public async Task WhomSomeoneMetIsRecalledOncePerPersonInTheOrderTheyFirstMet()
    {
        var store = CreateStore();
        var (ann, bob, cas) = (Person("ann"), Person("bob"), Person("cas"));
        await store.RecordMeetingsAsync(_eventId, _seriesId, [MeetingOf("r1", _cas, _ann, cas, ann) with { At = 1_000 }]);
        await store.RecordMeetingsAsync(_eventId, _seriesId, [MeetingOf("r2", _ann, _bob, ann, bob) with { At = 2_000 }]);
        await store.RecordMeetingsAsync(_eventId, _seriesId, [MeetingOf("r3", _ann, _cas, ann, cas) with { At = 3_000 }]);

        Assert.Equal([_cas, _bob], (await store.RecallAsync(_eventId, _ann, groupId: null)).Met);
        Assert.Equal([_ann], (await store.RecallAsync(_eventId, _bob, groupId: null)).Met);
        Assert.Empty((await store.RecallAsync(Ids.NewEventId(), _ann, groupId: null)).Met);
    }

    [Fact]
    public async Task FollowUpsAreRecalledAsAskedUntilMutualThenAsMatched()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);
        await store.RequestFollowUpAsync(_eventId, _ann, _cas);
        await store.RequestFollowUpAsync(_eventId, _cas, _ann);

        var anns = await store.RecallAsync(_eventId, _ann, groupId: null);
        var bobs = await store.RecallAsync(_eventId, _bob, groupId: null);

        Assert.Equal([_bob], anns.Asked);
        Assert.Equal([_cas], anns.Matched);
        Assert.Empty(bobs.Asked);
        Assert.Empty(bobs.Matched);
    }

    [Fact]
    public async Task WithdrawnFollowUpsAreNotRecalled()
    {
        var store = CreateStore();
        await store.RequestFollowUpAsync(_eventId, _ann, _bob);
        await store.RequestFollowUpAsync(_eventId, _bob, _ann);
        await store.RequestFollowUpAsync(_eventId, _ann, _cas);

        await store.WithdrawFollowUpsAsync(_eventId, PairKey.Of(_ann, _bob));

        var anns = await store.RecallAsync(_eventId, _ann, groupId: null);
        Assert.Equal([_cas], anns.Asked);
        Assert.Empty(anns.Matched);
        Assert.Empty((await store.RecallAsync(_eventId, _bob, groupId: null)).Asked);
    }
}
