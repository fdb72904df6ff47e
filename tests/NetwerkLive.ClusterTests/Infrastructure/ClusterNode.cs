using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using NetwerkLive.Client;

namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>One NetwerkLive server process of a <see cref="Cluster"/>, on its own loopback port.</summary>
public sealed class ClusterNode : IAsyncDisposable
{
    public const string ReadinessPath = "/readyz";

    /// <summary>Generous: the cluster suite runs beside the hub tests on two cores, and several nodes start at once.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A free port can be taken by someone else before the node binds it: then the node exits and gets another.</summary>
    private const int StartAttempts = 3;

    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private ClusterNode(string name, Uri baseUrl, ChildProcess process)
    {
        Name = name;
        BaseUrl = baseUrl;
        _process = process;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(15) };
    }

    /// <summary>"A", "B", ...: what failure messages call this node.</summary>
    public string Name { get; }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// <summary>The HTTP API, served by this node.</summary>
    public NetwerkLiveApi Api => new(_http);

    /// <summary>
    /// A connection straight to this node: WebSockets without negotiation (there are no sticky sessions
    /// in front of the cluster), and the token in the access_token query string as browsers send it.
    /// </summary>
    public EventConnection Connect(string token, HubProtocol protocol = HubProtocol.MessagePack) =>
        EventConnection.Create(BaseUrl, token, protocol, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.AccessTokenProvider = null;
            options.Url = new UriBuilder(options.Url!) { Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        });

    /// <summary>
    /// What this node's hub answers a plain HTTP negotiate with <paramref name="token"/> in the query, as a
    /// browser would send it: the status and, for a refusal, the ProblemDetails' detail.
    /// </summary>
    public async Task<(HttpStatusCode Status, string? Detail)> NegotiateAsync(string token)
    {
        using var response = await _http.PostAsync(
            new Uri($"{NetwerkLive.Contracts.HubRoutes.Event}/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", UriKind.Relative), null);
        if (response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null);
        }
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
    }

    /// <summary>SIGKILL: the node vanishes mid-flight, as in a crash or an OOM kill; its connections drop.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>A graceful shutdown (SIGTERM), killed if it takes longer than 10 s.</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    internal static async Task<ClusterNode> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var failures = new List<string>();
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var port = ChildProcess.FreeLoopbackPort();
            var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            var process = ChildProcess.Start($"node {name}", "dotnet",
                [RepoPaths.ServerDll, "--urls", baseUrl.ToString().TrimEnd('/'), "--contentRoot", RepoPaths.ServerContentRoot],
                Environment(settings), RepoPaths.ServerContentRoot);
            var node = new ClusterNode(name, baseUrl, process);
            var failure = await node.WaitUntilReadyAsync();
            if (failure is null)
            {
                return node;
            }
            var portTaken = process.HasExited && process.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
            await node.DisposeAsync();
            failures.Add($"attempt {attempt} on {baseUrl}: {failure}\n{process.Output}");
            if (!portTaken)
            {
                break;
            }
        }
        throw new InvalidOperationException($"Cluster node {name} did not become ready.\n{string.Join("\n", failures)}");
    }

    /// <summary>Waits (bounded) until the node says it is ready again, e.g. after its Redis came back.</summary>
    public async Task WaitUntilReadyAgainAsync()
    {
        var failure = await WaitUntilReadyAsync();
        Assert.True(failure is null, $"Node {Name}: {failure}\n{Output}");
    }

    /// <summary>Null once GET /readyz answers 200; otherwise why it never did.</summary>
    private async Task<string?> WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                return "exited before it was ready";
            }
            try
            {
                using var response = await _http.GetAsync(new Uri(ReadinessPath, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return null;
                }
                last = $"{(int)response.StatusCode} {response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            await Task.Delay(100);
        }
        return $"GET {ReadinessPath} did not answer 200 within {ReadyTimeout.TotalSeconds} s (last: {last})";
    }

    private static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> settings)
    {
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // The test host's own ASP.NET settings (URLs, environment) must not leak into the node.
        environment["ASPNETCORE_URLS"] = "";
        environment["DOTNET_ENVIRONMENT"] = "Testing";
        return environment;
    }
}
