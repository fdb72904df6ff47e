using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

public sealed class InMemoryEventStoreTests : EventStoreContract
{
    protected override IEventStore CreateStore() => new InMemoryEventStore(new EventActivity(TimeProvider.System));
}
