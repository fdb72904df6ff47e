using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

public sealed class InMemoryBreakoutStoreTests : BreakoutStoreContract
{
    protected override IBreakoutStore CreateStore() => new InMemoryBreakoutStore(new EventActivity(TimeProvider.System));
}
