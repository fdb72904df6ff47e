using NetwerkLive.Contracts;

namespace NetwerkLive.Tests.Infrastructure;

public static class PresenceExpectations
{
    /// <summary>
    /// Waits until the client knows each of <paramref name="attendeeIds"/> is present: from its Join()
    /// snapshot or from a later presence push, which is how a real client builds its attendee list.
    /// </summary>
    public static async Task WaitUntilSeesAll(this TestClient client, JoinResult join, IEnumerable<string> attendeeIds)
    {
        foreach (var id in attendeeIds.Where(id => id != client.AttendeeId))
        {
            if (!join.Attendees.Any(a => a.Id == id))
            {
                await client.WaitUntilSeesPresent(id);
            }
        }
    }
}
