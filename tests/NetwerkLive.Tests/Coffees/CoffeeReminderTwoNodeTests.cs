using static NetwerkLive.Tests.Coffees.CoffeeScene;

namespace NetwerkLive.Tests.Coffees;

/// <summary>The reminder with two servers on one Redis, each with its own timer: one of them sends it, once.</summary>
public sealed class CoffeeReminderTwoNodeTests
{
    [Fact]
    public async Task TwoNodesDueAtTheSameMomentSendTheReminderOnce()
    {
        await using var scene = await CreateAsync(onRedis: true);
        await using var nodeB = scene.Ev.Factory.SecondNode();
        var (bobOnB, _) = await nodeB.ConnectAsync(scene.Bob.AttendeeId, scene.Bob.Token, scene.Ev.Live.Protocol);
        await using var _ = bobOnB;
        var agreed = await scene.AgreeAsync();

        nodeB.Clock.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(agreed.RoomOpensAt!.Value));
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value);
        await scene.Bob.CoffeeReminders.WaitForAny();
        await bobOnB.CoffeeReminders.WaitForAny();
        // Both nodes' sweeps come round again; then a push to Bob on the same channel, after which a second reminder would be in.
        nodeB.Clock.Advance(TimeSpan.FromMinutes(1));
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value + Minute);
        await scene.Ann.Connection.EnterCoffeeRoom(scene.DateId);
        await scene.Bob.CoffeeDates.WaitFor(d => d.Entered.Length == 1);
        await bobOnB.CoffeeDates.WaitFor(d => d.Entered.Length == 1);

        Assert.Single(scene.Bob.CoffeeReminders.Items);
        Assert.Single(bobOnB.CoffeeReminders.Items);
        Assert.Single(scene.Ann.CoffeeReminders.Items);
    }
}
