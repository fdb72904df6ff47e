using Microsoft.Extensions.Options;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

public sealed class InMemoryChatStoreTests : ChatStoreContract
{
    protected override IChatStore CreateStore(int retention) =>
        new InMemoryChatStore(Options.Create(new RoomOptions { ChatRetention = retention }), new EventActivity(TimeProvider.System));
}
