using Microsoft.Extensions.Options;
using NetwerkLive.Server.Cluster;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// Every Redis call of the stores goes through here, so a slow or dead Redis makes calls fail fast with
/// <see cref="StoreUnavailableException"/> instead of hanging hub calls. Reads are retried (they are
/// idempotent), writes never are. One circuit breaker, shared by reads and writes, stops the load while
/// Redis is down. Other errors (a Lua error, a wrong type) are bugs and pass through unchanged.
/// </summary>
public sealed class RedisGate
{
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _breaker;

    public RedisGate(IOptions<RedisOptions> options, ILogger<RedisGate> logger)
    {
        var timeout = options.Value.OperationTimeout;
        var transient = new PredicateBuilder()
            .Handle<RedisConnectionException>()
            .Handle<RedisTimeoutException>()
            .Handle<TimeoutRejectedException>()
            .Handle<RedisException>(IsNoConnection);

        // Innermost: the time one attempt may take, counted by the breaker as a failure when it runs out.
        _breaker = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 8,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = TimeSpan.FromSeconds(3),
                ShouldHandle = transient,
                OnOpened = args =>
                {
                    RedisLog.CircuitOpened(logger, args.Outcome.Exception, args.BreakDuration, "store");
                    return default;
                },
                OnClosed = _ =>
                {
                    RedisLog.CircuitClosed(logger, "store");
                    return default;
                },
            })
            .AddTimeout(timeout)
            .Build();

        // A read may try again after a transient failure, but all attempts together stay within one more
        // OperationTimeout: a read against a slow Redis fails after at most 2 x OperationTimeout.
        _reads = new ResiliencePipelineBuilder()
            .AddTimeout(timeout * 2)
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                ShouldHandle = transient,
            })
            .Build();
    }

    /// <summary>Runs an idempotent read: timeout, retries on transient failures, circuit breaker.</summary>
    public async Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct = default)
    {
        try
        {
            return await _reads.ExecuteAsync(
                static (state, token) => state.Breaker.ExecuteAsync(static (call, inner) => Cancellable(call, inner), state.Call, token),
                (Breaker: _breaker, Call: call),
                ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StoreUnavailableException(ex);
        }
    }

    /// <summary>Runs a write: timeout and circuit breaker, no retry (a write that timed out may have happened).</summary>
    public async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct = default)
    {
        try
        {
            return await _breaker.ExecuteAsync(static (call, token) => Cancellable(call, token), call, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StoreUnavailableException(ex);
        }
    }

    /// <inheritdoc cref="WriteAsync{T}(Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public Task WriteAsync(Func<CancellationToken, Task> call, CancellationToken ct = default) =>
        WriteAsync(async token =>
        {
            await call(token).ConfigureAwait(false);
            return true;
        }, ct);

    // StackExchange.Redis calls take no cancellation token, so Polly's (cooperative) timeout could not stop
    // them: stop waiting instead, and observe the abandoned call's outcome so it is not an unobserved exception.
    private static async ValueTask<T> Cancellable<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var task = call(ct);
        try
        {
            return await task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!task.IsCompleted)
        {
            _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private static bool IsUnavailable(Exception ex) => ex switch
    {
        BrokenCircuitException or TimeoutRejectedException or RedisConnectionException or RedisTimeoutException => true,
        RedisException redis => IsNoConnection(redis),
        _ => false,
    };

    private static bool IsNoConnection(RedisException ex) =>
        ex.Message.Contains("No connection", StringComparison.OrdinalIgnoreCase);
}
