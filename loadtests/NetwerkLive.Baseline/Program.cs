using NetwerkLive.Baseline;
using StackExchange.Redis;

// Plain SignalR, nothing of NetwerkLive: join a group, rebroadcast to it. The load tests run the same
// workload against this so every figure also has a ratio to SignalR itself on the same machine.
var builder = WebApplication.CreateBuilder(args);

var signalR = builder.Services.AddSignalR().AddMessagePackProtocol();
// Same settings names as the NetwerkLive server, so the load tool sets up both alike.
if (builder.Configuration["Redis:ConnectionString"] is { Length: > 0 } redis)
{
    var prefix = builder.Configuration["Redis:KeyPrefix"] ?? "baseline:";
    signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));
}
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapHub<RelayHub>(RelayHub.Route);
app.Run();
