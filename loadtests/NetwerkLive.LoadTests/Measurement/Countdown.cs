namespace NetwerkLive.LoadTests.Measurement;

/// <summary>Counts events from many threads and completes <see cref="Done"/> when the count reaches the target.</summary>
internal sealed class Countdown(long target)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;

    public long Target { get; private set; } = target;

    public long Count => Interlocked.Read(ref _count);

    public Task Done => _done.Task;

    /// <summary>Last time the count moved (a Stamp), 0 before the first.</summary>
    public long LastAt { get; private set; }

    public void Add(long n = 1)
    {
        var now = Interlocked.Add(ref _count, n);
        LastAt = Stamp.Now;
        if (now >= Target)
        {
            _done.TrySetResult();
        }
    }

    /// <summary>For workloads whose total is known only once they ran (e.g. sends that succeeded).</summary>
    public void Retarget(long target)
    {
        Target = target;
        if (Count >= target)
        {
            _done.TrySetResult();
        }
    }
}
