using Microsoft.Extensions.Options;
using NetwerkLive.Server.Cluster;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// The one Redis connection of this node, shared by the stores, the node registry, the cluster bus and the
/// SignalR backplane. Created on first use; it reconnects by itself, so it is never recreated.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        var redis = options.Value;
        if (!redis.Enabled)
        {
            throw new InvalidOperationException("Redis:ConnectionString is not set, so there is no Redis to connect to.");
        }
        _logger = logger;
        Prefix = redis.KeyPrefix;
        var timeout = (int)Math.Ceiling(redis.OperationTimeout.TotalMilliseconds);
        _configuration = ConfigurationOptions.Parse(redis.ConnectionString!);
        // Without these a wrong or dead address keeps callers waiting for about 30 s (default retries and timeouts).
        _configuration.AbortOnConnectFail = false;
        _configuration.ConnectTimeout = 3000;
        _configuration.ConnectRetry = 1;
        _configuration.AsyncTimeout = timeout;
        _configuration.SyncTimeout = timeout;
        _configuration.ClientName ??= "netwerklive";
        // While the connection is down, fail at once instead of queueing: callers get StoreUnavailableException
        // straight away and the circuit breaker in RedisGate stops the load until Redis is back.
        _configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _multiplexer = new Lazy<Task<ConnectionMultiplexer>>(ConnectCoreAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Put before every key (<see cref="RedisOptions.KeyPrefix"/>, e.g. "netwerklive:").</summary>
    public string Prefix { get; }

    /// <summary>The shared multiplexer (created once), e.g. for the SignalR backplane's ConnectionFactory.</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync() => await _multiplexer.Value.ConfigureAwait(false);

    /// <summary>The database, without blocking a thread while the first connection is made.</summary>
    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value.ConfigureAwait(false)).GetDatabase();

    /// <summary>The key <paramref name="suffix"/> under this deployment's prefix.</summary>
    public RedisKey Key(string suffix) => new(Prefix + suffix);

    private async Task<ConnectionMultiplexer> ConnectCoreAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
        multiplexer.ConnectionFailed += (_, e) => RedisLog.ConnectionFailed(_logger, e.Exception, e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => RedisLog.ConnectionRestored(_logger, e.EndPoint);
        if (!multiplexer.IsConnected)
        {
            var endPoints = _configuration.ToString(includePassword: false);
            RedisLog.NotConnectedYet(_logger, endPoints);
        }
        return multiplexer;
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            try
            {
                var multiplexer = await _multiplexer.Value.ConfigureAwait(false);
                await multiplexer.DisposeAsync().ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // The first connection failed outright: nothing to close.
            }
        }
    }
}
