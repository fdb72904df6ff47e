using System.Net;

namespace NetwerkLive.LoadTests.Hosting;

/// <summary>Starts server nodes as child processes on free loopback ports and waits until they answer.</summary>
internal static class NodeLauncher
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>
    /// How long a node may take to answer its readiness probe. Not the scenario's operation timeout: a
    /// fresh process on two cores shared with a browser test run can take well over 20 s to serve its
    /// first request, and start-up is not what a scenario measures (the cluster tests allow 90 s too).
    /// </summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    public static async Task<ServerCluster> StartAsync(string name, string dll, string contentRoot, int nodes,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken ct)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution in {RepoLayout.Configuration} first (dotnet build -c {RepoLayout.Configuration}).", dll);
        }
        var started = new List<ChildProcess>();
        var addresses = new List<Uri>();
        try
        {
            for (var i = 0; i < nodes; i++)
            {
                var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
                var process = ChildProcess.Start($"{name}-{i + 1}", "dotnet",
                    [dll, "--urls", address.ToString().TrimEnd('/'), "--contentRoot", contentRoot], environment);
                started.Add(process);
                addresses.Add(address);
            }
            // The nodes start side by side; then each must answer its readiness probe.
            for (var i = 0; i < nodes; i++)
            {
                await WaitReadyAsync(started[i], addresses[i], timeout > ReadyTimeout ? timeout : ReadyTimeout, ct);
            }
            return new ServerCluster(addresses, started);
        }
        catch
        {
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>Polls /readyz (when the server has it) or else /healthz until it answers 200.</summary>
    private static async Task WaitReadyAsync(ChildProcess process, Uri address, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        string[] probes = ["/readyz", "/healthz"];
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited before it was ready:{Environment.NewLine}{process.Tail()}");
            }
            foreach (var path in probes)
            {
                try
                {
                    using var response = await Probe.GetAsync(new Uri(address, path), deadline.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                    if (response.StatusCode != HttpStatusCode.NotFound)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    break;
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                    // This probe's own 2 s ran out (a busy machine): not ready yet, ask again.
                    break;
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"{process.Name} was not ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{process.Tail()}");
                }
            }
            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{process.Name} was not ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{process.Tail()}");
            }
        }
    }
}
