using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Video;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Video;

/// <summary>A real coturn and a server (on the real clock, as coturn checks expiry on it) that shares its secret.</summary>
public sealed class CoturnFixture : IDisposable
{
    public CoturnFixture()
    {
        Turn = TurnServer.Start();
        Server = new NetwerkLiveFactory()
            .With("Video:IceServers:0:Urls:0", Turn.Url)
            .With("Video:TurnSecret", Turn.Secret);
    }

    public TurnServer Turn { get; }

    public NetwerkLiveFactory Server { get; }

    /// <summary>An issuer as the server's, with <paramref name="secret"/> and a clock at <paramref name="now"/>.</summary>
    public IceServerIssuer IssuerAt(DateTimeOffset now, string? secret = null) =>
        new(Options.Create(new VideoOptions
        {
            IceServers = [new IceServerOptions { Urls = [Turn.Url] }],
            TurnSecret = secret ?? Turn.Secret,
        }), new FakeTimeProvider(now));

    public void Dispose()
    {
        Server.Dispose();
        Turn.Dispose();
    }
}

/// <summary>
/// The credentials the server issues are the ones coturn's use-auth-secret accepts, and only while they last:
/// coturn's own test client (turnutils_uclient) allocates a relay with them and sends packets through it.
/// </summary>
public sealed class CoturnCredentialTests(CoturnFixture coturn) : IClassFixture<CoturnFixture>
{
    [Fact]
    public async Task ACredentialTheServerIssuedOverTheHubOpensARelayOnCoturn()
    {
        await using var live = await LiveEvent.CreateAsync(coturn.Server, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");

        var turn = Assert.Single((await ann.Connection.GetIceServers()).IceServers);

        var (allocated, output) = await AllocateAsync(turn);
        Assert.True(allocated, $"coturn refused the issued credential {turn.Username}:\n{output}\n-- coturn --\n{coturn.Turn.Log}");
    }

    [Fact]
    public async Task ACredentialPastItsExpiryIsRefused()
    {
        var issuedLongAgo = DateTimeOffset.UtcNow - new VideoOptions().TurnCredentialLifetime - TimeSpan.FromMinutes(1);

        var turn = coturn.IssuerAt(issuedLongAgo).IssueFor("ann7x").IceServers[0];

        await AssertRefusedAsync(turn);
    }

    [Fact]
    public async Task ACredentialSignedWithAnotherSecretIsRefused()
    {
        var turn = coturn.IssuerAt(DateTimeOffset.UtcNow, secret: "not-the-secret-coturn-shares-0123").IssueFor("ann7x").IceServers[0];

        await AssertRefusedAsync(turn);
    }

    [Fact]
    public async Task ACredentialWhoseExpiryWasPushedLaterIsRefused()
    {
        var issued = coturn.IssuerAt(DateTimeOffset.UtcNow).IssueFor("ann7x").IceServers[0];
        var expiry = long.Parse(issued.Username!.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

        // The same credential under a username that claims a day more: the signature no longer matches.
        await AssertRefusedAsync(issued with { Username = $"{expiry + 86_400}:ann7x" });
    }

    private async Task AssertRefusedAsync(IceServer turn)
    {
        var (allocated, output) = await AllocateAsync(turn);
        Assert.False(allocated, $"coturn accepted {turn.Username}:\n{output}");
        Assert.Contains("Cannot complete Allocation", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// turnutils_uclient allocates two relays with the credential, sends one packet from each to the other through
    /// coturn and exits 0 when that worked; a refused allocation makes it exit non-zero at once.
    /// </summary>
    private async Task<(bool Allocated, string Output)> AllocateAsync(IceServer turn)
    {
        using var uclient = Process.Start(new ProcessStartInfo("turnutils_uclient")
        {
            ArgumentList = { "-y", "-c", "-n", "1", "-u", turn.Username!, "-w", turn.Credential!, "-p", coturn.Turn.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("turnutils_uclient did not start.");
        var stdout = uclient.StandardOutput.ReadToEndAsync();
        var stderr = uclient.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await uclient.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            uclient.Kill();
            throw new TimeoutException($"turnutils_uclient did not finish within 30 s:\n{await stdout}");
        }
        return (uclient.ExitCode == 0, await stdout + await stderr);
    }
}
