using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Deploy;

/// <summary>
/// The shipped deploy/nginx/netwerklive.conf run by the real nginx (issue 11: hub tokens travel in
/// `?access_token=`). Only the hosts, the port and the file paths are rewritten, each rewrite must match exactly
/// once, so a reshaped config fails here instead of being tested half-rewritten. Mirrors deploy/validate.py.
/// </summary>
public sealed class NginxConfigTests
{
    private const string Token = "secret-token-value";

    private static readonly string[] TempPaths = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"];

    [Fact]
    public async Task TheShippedNginxConfigLogsHubRequestsWithoutTheirAccessToken()
    {
        // Never a skip: ./build.sh test installs nginx, so a missing one is a broken machine, not a reason to pass.
        var nginx = $"{Environment.GetEnvironmentVariable("PATH")}:/usr/sbin".Split(':')
            .Select(dir => Path.Combine(dir, "nginx")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed, so the shipped nginx config cannot be checked: sudo apt-get install -y nginx.");
        var tmp = Directory.CreateTempSubdirectory("netwerklive-nginx-");
        // nginx's workers run as `nobody` when the tests run as root, and write their temp files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp.FullName, (UnixFileMode)0b111_111_111);
        }
        await using var upstream = await StartUpstreamAsync();
        var port = RedisServer.FreePort();
        var accessLog = Path.Combine(tmp.FullName, "access.log");
        Process? process = null;
        try
        {
            var conf = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "deploy", "nginx", "netwerklive.conf"));
            // `server` resolves only inside Compose, and `resolve` needs nginx 1.27.3+ (Debian 12 ships 1.22).
            conf = RewriteOnce(conf, @"^    server server:8080 resolve;$", $"    server {new Uri(upstream.Urls.Single()).Authority};");
            conf = RewriteOnce(conf, @"^    listen 80;$", $"    listen 127.0.0.1:{port};");
            conf = RewriteOnce(conf, @"^    access_log /var/log/nginx/access.log ", $"    access_log {accessLog} ");
            await File.WriteAllTextAsync(Path.Combine(tmp.FullName, "netwerklive.conf"), conf);
            var temp = string.Join(' ', TempPaths.Select(t => $"{t}_temp_path {tmp.FullName}/{t};"));
            await File.WriteAllTextAsync(Path.Combine(tmp.FullName, "nginx.conf"),
                $"pid {tmp.FullName}/nginx.pid;\nerror_log {tmp.FullName}/error.log;\nevents {{}}\n" +
                $"http {{\n  access_log off;\n  {temp}\n  include {tmp.FullName}/netwerklive.conf;\n}}\n");

            process = Process.Start(new ProcessStartInfo(nginx)
            {
                ArgumentList = { "-p", tmp.FullName, "-e", Path.Combine(tmp.FullName, "error.log"), "-c", Path.Combine(tmp.FullName, "nginx.conf"), "-g", "daemon off;" },
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            await WaitUntilListeningAsync(process, port, tmp.FullName);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/hubs/event?id=abc&access_token={Token}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/health-of-the-stub")).StatusCode);

            // nginx writes a line as each request completes, just around its response: a short bounded wait for both.
            var logged = "";
            for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(5); await Task.Delay(20))
            {
                logged = File.Exists(accessLog) ? await File.ReadAllTextAsync(accessLog) : "";
                if (logged.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2)
                {
                    break;
                }
            }
            Assert.False(logged.Contains(Token, StringComparison.Ordinal) || logged.Contains("access_token", StringComparison.Ordinal),
                $"The nginx access log keeps the hub token:\n{logged}");
            Assert.True(logged.Contains("\"GET /hubs/event HTTP/1.1\" 200", StringComparison.Ordinal), $"The hub request is not in the access log:\n{logged}");
            Assert.True(logged.Contains("\"GET /api/health-of-the-stub HTTP/1.1\" 200", StringComparison.Ordinal), $"The plain request is not in the access log:\n{logged}");
        }
        finally
        {
            if (process is not null)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }
            tmp.Delete(recursive: true);
        }
    }

    private static string RewriteOnce(string conf, string pattern, string replacement)
    {
        var matches = Regex.Count(conf, pattern, RegexOptions.Multiline);
        Assert.True(matches == 1, $"deploy/nginx/netwerklive.conf changed shape: `{pattern}` matched {matches} times, not once. Update this test's rewrites.");
        return Regex.Replace(conf, pattern, replacement, RegexOptions.Multiline);
    }

    /// <summary>A stand-in replica: 200 for every request.</summary>
    private static async Task<WebApplication> StartUpstreamAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync("ok"));
        await app.StartAsync();
        return app;
    }

    private static async Task WaitUntilListeningAsync(Process nginx, int port, string tmp)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(20))
        {
            if (nginx.HasExited)
            {
                var errors = Path.Combine(tmp, "error.log");
                Assert.Fail($"nginx refused the shipped config (exit {nginx.ExitCode}): {await nginx.StandardError.ReadToEndAsync()}" +
                    (File.Exists(errors) ? await File.ReadAllTextAsync(errors) : ""));
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
        }
        Assert.Fail($"nginx did not listen on 127.0.0.1:{port} within 10 seconds.");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetwerkLive.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No NetwerkLive.sln above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }
}
