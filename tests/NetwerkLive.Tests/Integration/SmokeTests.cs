using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

public sealed class SmokeTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task TwoAttendeesSeeEachOtherAndChat(HubProtocol protocol)
    {
        var created = await factory.CreateEventAsync();
        var (ann, _) = await factory.JoinAsync(created.EventId, "Ann", "Hoya", protocol);
        var (bob, bobJoin) = await factory.JoinAsync(created.EventId, "Bob", "Sweco", protocol);

        Assert.Contains(bobJoin!.Attendees, a => a.Id == ann.AttendeeId);
        await ann.WaitUntilSeesPresent(bob.AttendeeId);

        var sent = await bob.Connection.SendChat("Hallo allemaal");
        var received = await ann.Chat.WaitFor(m => m.Seq == sent.Seq);
        Assert.Equal("Hallo allemaal", received.Text);
        Assert.Equal("Bob", received.SenderName);
        await ann.DisposeAsync();
        await bob.DisposeAsync();
    }
}
