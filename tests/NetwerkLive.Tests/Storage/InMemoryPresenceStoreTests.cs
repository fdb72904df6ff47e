using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

public sealed class InMemoryPresenceStoreTests : PresenceStoreContract
{
    protected override IPresenceStore CreateStore() => new InMemoryPresenceStore(new EventActivity(TimeProvider.System));
}
