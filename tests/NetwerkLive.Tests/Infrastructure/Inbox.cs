namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// Collects what a client receives and lets a test await the first item that matches, with a timeout
/// on every wait instead of sleeping.
/// </summary>
public sealed class Inbox<T>
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];

    public void Add(T item)
    {
        List<TaskCompletionSource<T>> done = [];
        lock (_gate)
        {
            _items.Add(item);
            _waiters.RemoveAll(w =>
            {
                if (!w.Match(item))
                {
                    return false;
                }
                done.Add(w.Done);
                return true;
            });
        }
        foreach (var tcs in done)
        {
            tcs.TrySetResult(item);
        }
    }

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>The first item, received before or after this call, that matches.</summary>
    public Task<T> WaitFor(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var item in _items)
            {
                if (match(item))
                {
                    return Task.FromResult(item);
                }
            }
            _waiters.Add((match, tcs));
        }
        return tcs.Task.WaitAsync(timeout ?? DefaultTimeout);
    }

    public Task<T> WaitForAny(TimeSpan? timeout = null) => WaitFor(_ => true, timeout);
}
