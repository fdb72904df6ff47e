namespace NetwerkLive.Server.Storage;

public static class StorageExtensions
{
    /// <summary>The embedded in-memory store: the default, which needs no setup. Redis plugs in here.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IEventStore, InMemoryEventStore>();
        builder.Services.AddSingleton<IPresenceStore, InMemoryPresenceStore>();
        builder.Services.AddSingleton<IChatStore, InMemoryChatStore>();
        builder.Services.AddSingleton<IBreakoutStore, InMemoryBreakoutStore>();
        return builder;
    }
}
