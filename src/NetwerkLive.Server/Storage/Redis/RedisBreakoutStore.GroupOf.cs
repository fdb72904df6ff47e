using System.Collections.Concurrent;
using NetwerkLive.Server.Breakouts;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// Who is in which group, for the hot paths (<see cref="IBreakoutStore.GetGroupOfAsync"/>): each node keeps the
/// member-to-group map of the latest state it read, by version. A lookup reads only <c>v</c>; the document is read
/// and the map rebuilt only when the version moved on. The map is built from the read copy and never handed out, so
/// no caller can change it.
/// </summary>
public sealed partial class RedisBreakoutStore
{
    /// <summary>Events whose map a node keeps; the least recently used go first beyond this.</summary>
    private const int MaxKeptGroupMaps = 256;

    private readonly ConcurrentDictionary<string, GroupMap> _groupMaps = new(StringComparer.Ordinal);

    public async Task<MemberGroup?> GetGroupOfAsync(string eventId, string attendeeId, CancellationToken ct = default)
    {
        var key = StateKey(eventId);
        var version = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).HashGetAsync(key, "v"), ct);
        if (version.IsNull)
        {
            _groupMaps.TryRemove(eventId, out _);
            return null;
        }
        if (!_groupMaps.TryGetValue(eventId, out var map) || map.Version != (long)version)
        {
            var (state, _) = await ReadStateAsync(eventId, ct);
            map = GroupMap.Of(state);
            _groupMaps[eventId] = map;
            ForgetLeastRecentlyUsedMaps();
        }
        map.LastUsed = Environment.TickCount64;
        return map.ByMember.GetValueOrDefault(attendeeId);
    }

    private void ForgetLeastRecentlyUsedMaps()
    {
        var beyond = _groupMaps.Count - MaxKeptGroupMaps;
        if (beyond <= 0)
        {
            return;
        }
        foreach (var (eventId, _) in _groupMaps.OrderBy(e => e.Value.LastUsed).Take(beyond).ToList())
        {
            _groupMaps.TryRemove(eventId, out _);
        }
    }

    private sealed class GroupMap(long version, Dictionary<string, MemberGroup> byMember)
    {
        public long Version { get; } = version;

        public IReadOnlyDictionary<string, MemberGroup> ByMember { get; } = byMember;

        public long LastUsed { get; set; } = Environment.TickCount64;

        public static GroupMap Of(BreakoutState state)
        {
            // By the state's own rule (GroupOf), one entry per group shared by its members.
            var byGroup = new Dictionary<string, MemberGroup>(StringComparer.Ordinal);
            var byMember = new Dictionary<string, MemberGroup>(StringComparer.Ordinal);
            foreach (var member in state.MemberOf.Keys)
            {
                if (state.GroupOf(member) is { } group)
                {
                    if (!byGroup.TryGetValue(group.GroupId, out var entry))
                    {
                        entry = byGroup[group.GroupId] = MemberGroup.Of(group);
                    }
                    byMember[member] = entry;
                }
            }
            return new GroupMap(state.Version, byMember);
        }
    }
}
