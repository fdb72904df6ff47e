using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Coffees;

/// <summary>
/// Sends a coffee to its two people, each as they see it (their own times first, <c>with</c> the other). Pushes go to
/// attendees (their connections on any node), never to a group, so nobody else hears of a coffee.
/// </summary>
public sealed class CoffeeNotifier(IEventStore events, IPresenceStore presence, AttendeeMessenger messenger)
{
    /// <summary>Both get <c>CoffeeDateChanged</c>; returns the coffee as <paramref name="viewer"/> sees it.</summary>
    public async Task<CoffeeDate> ChangedAsync(string eventId, CoffeeRecord coffee, string viewer, long now)
    {
        var views = await ViewsAsync(eventId, coffee, now);
        await Task.WhenAll(views.Select(v => messenger.SendAsync(v.Key, client => client.CoffeeDateChanged(v.Value))));
        return views[viewer];
    }

    /// <summary>Only <paramref name="receiver"/> gets <c>CoffeeDateChanged</c> (a block cancels the coffee for the blocked one alone).</summary>
    public async Task ChangedForAsync(string eventId, CoffeeRecord coffee, string receiver, long now)
    {
        var views = await ViewsAsync(eventId, coffee, now);
        await messenger.SendAsync(receiver, client => client.CoffeeDateChanged(views[receiver]));
    }

    /// <summary>Both get <c>CoffeeReminder</c>, on the connections they have open now.</summary>
    public async Task RemindAsync(string eventId, CoffeeRecord coffee, long now)
    {
        var views = await ViewsAsync(eventId, coffee, now);
        await Task.WhenAll(views.Select(v => messenger.SendAsync(v.Key, client => client.CoffeeReminder(v.Value))));
    }

    /// <summary>The coffees as <paramref name="viewer"/> sees them (one read of the others' records and join times).</summary>
    public async Task<CoffeeDate[]> ViewsForAsync(string eventId, IReadOnlyList<CoffeeRecord> coffees, string viewer, long now)
    {
        if (coffees.Count == 0)
        {
            return [];
        }
        var others = coffees.Select(c => c.Other(viewer)).Distinct(StringComparer.Ordinal).ToList();
        var records = (await events.GetAttendeesAsync(eventId, others)).ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        var joined = await presence.GetJoinedAtAsync(eventId, others);
        return [.. coffees
            .Where(c => records.ContainsKey(c.Other(viewer)))
            .Select(c => CoffeeRules.View(c, viewer, Dto(records[c.Other(viewer)], joined), now))];
    }

    private async Task<Dictionary<string, CoffeeDate>> ViewsAsync(string eventId, CoffeeRecord coffee, long now)
    {
        List<string> ids = [coffee.A, coffee.B];
        var records = (await events.GetAttendeesAsync(eventId, ids)).ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        var joined = await presence.GetJoinedAtAsync(eventId, ids);
        return ids.Where(id => records.ContainsKey(coffee.Other(id)))
            .ToDictionary(id => id, id => CoffeeRules.View(coffee, id, Dto(records[coffee.Other(id)], joined), now), StringComparer.Ordinal);
    }

    private static Attendee Dto(AttendeeRecord record, IReadOnlyDictionary<string, long> joined) =>
        record.ToDto(joined.TryGetValue(record.AttendeeId, out var at) ? at : record.RegisteredAt);
}
