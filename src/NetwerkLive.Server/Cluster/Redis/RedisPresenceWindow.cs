using NetwerkLive.Server.Presence;
using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Storage.Redis;
using StackExchange.Redis;

namespace NetwerkLive.Server.Cluster.Redis;

/// <summary>
/// One presence message per event per interval across all nodes: the node that sets the event's window key
/// (SET NX PX interval) sends; the others put their changes back and try again at their next interval.
/// </summary>
internal sealed class RedisPresenceWindow(RedisConnection redis, RedisGate gate, NodeIdentity self) : IPresenceWindow
{
    public async Task<bool> TryOpenAsync(string eventId, TimeSpan interval)
    {
        try
        {
            return await gate.WriteAsync(async _ =>
            {
                var db = await redis.GetDatabaseAsync();
                return await db.StringSetAsync(redis.Key("pr:" + eventId + ":window"), self.NodeId, interval, When.NotExists);
            });
        }
        catch (StoreUnavailableException)
        {
            // Better a second message in an interval than none: the room must hear who came and went.
            return true;
        }
    }
}
