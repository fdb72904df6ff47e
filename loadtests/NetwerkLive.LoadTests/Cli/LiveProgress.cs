using Spectre.Console;

namespace NetwerkLive.LoadTests.Cli;

/// <summary>
/// Spectre.Console progress bars fed by polling counters, so the hot paths (thousands of receipts a
/// second) only bump an integer and the display refreshes four times a second.
/// </summary>
internal sealed class LiveProgress(ProgressContext context)
{
    private readonly List<(ProgressTask Task, Func<double> Read)> _tracked = [];

    public IDisposable Track(string description, double max, Func<double> read)
    {
        var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(max, 1));
        var entry = (task, read);
        lock (_tracked)
        {
            _tracked.Add(entry);
        }
        return new Finish(this, entry);
    }

    public async Task RefreshUntilAsync(Task work)
    {
        while (!work.IsCompleted)
        {
            Refresh();
            await Task.WhenAny(work, Task.Delay(250));
        }
        Refresh();
    }

    private void Refresh()
    {
        lock (_tracked)
        {
            foreach (var (task, read) in _tracked)
            {
                task.Value = Math.Min(read(), task.MaxValue);
            }
        }
    }

    private sealed class Finish(LiveProgress owner, (ProgressTask Task, Func<double> Read) entry) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._tracked)
            {
                owner._tracked.Remove(entry);
            }
            entry.Task.Value = Math.Min(entry.Read(), entry.Task.MaxValue);
            entry.Task.StopTask();
        }
    }
}
