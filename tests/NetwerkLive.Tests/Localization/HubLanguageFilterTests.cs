using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Tests.Localization;

/// <summary>
/// The filter on its own: over WebSockets the request's culture happens to flow into hub calls, so the hub tests
/// pass with or without it. These show that it gives every call the language of the request that opened the
/// connection whatever culture the calling code runs in (another transport, or a receive loop started elsewhere).
/// </summary>
public sealed class HubLanguageFilterTests
{
    private sealed class Connection(HttpContext request) : HubCallerContext
    {
        private readonly FeatureCollection _features = new();

        public override string ConnectionId => "c1";
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features => _features;
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }

        public Connection Init()
        {
            _features.Set<IHttpContextFeature>(new HttpContextFeature { HttpContext = request });
            return this;
        }

        private sealed class HttpContextFeature : IHttpContextFeature
        {
            public HttpContext? HttpContext { get; set; }
        }
    }

    private static Connection OpenedIn(string language)
    {
        var request = new DefaultHttpContext();
        var culture = CultureInfo.GetCultureInfo(language);
        request.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(CultureInfo.InvariantCulture, culture), provider: null));
        return new Connection(request).Init();
    }

    private sealed class EmptyHub : Hub;

    private static async Task<CultureInfo> CultureOfACallAsync(HubLanguageFilter filter, Connection connection, string runningIn)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(runningIn);
        try
        {
            CultureInfo? seen = null;
            using var hub = new EmptyHub();
            var call = new HubInvocationContext(connection, new ServiceProviderStub(), hub, typeof(EmptyHub).GetMethod(nameof(Hub.Dispose))!, []);
            await filter.InvokeMethodAsync(call, _ =>
            {
                seen = CultureInfo.CurrentUICulture;
                return ValueTask.FromResult<object?>(null);
            });
            return seen!;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private sealed class ServiceProviderStub : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    [Fact]
    public async Task ACallRunsInTheLanguageTheConnectionWasOpenedWith()
    {
        var filter = new HubLanguageFilter();
        var connection = OpenedIn("nl");
        await filter.OnConnectedAsync(new HubLifetimeContext(connection, new ServiceProviderStub(), new EmptyHub()), _ => Task.CompletedTask);

        Assert.Equal("nl", (await CultureOfACallAsync(filter, connection, runningIn: "en")).Name);
    }

    [Fact]
    public async Task TheConnectItselfRunsInThatLanguage()
    {
        var filter = new HubLanguageFilter();
        CultureInfo? seen = null;

        await filter.OnConnectedAsync(new HubLifetimeContext(OpenedIn("nl"), new ServiceProviderStub(), new EmptyHub()), _ =>
        {
            seen = CultureInfo.CurrentUICulture;
            return Task.CompletedTask;
        });

        Assert.Equal("nl", seen?.Name);
    }

    [Fact]
    public async Task TheLanguageOfACallIsNotLeftBehindForWhatRunsNext()
    {
        var filter = new HubLanguageFilter();
        var connection = OpenedIn("nl");
        await filter.OnConnectedAsync(new HubLifetimeContext(connection, new ServiceProviderStub(), new EmptyHub()), _ => Task.CompletedTask);
        var before = CultureInfo.CurrentUICulture;
        using var hub = new EmptyHub();
        var call = new HubInvocationContext(connection, new ServiceProviderStub(), hub, typeof(EmptyHub).GetMethod(nameof(Hub.Dispose))!, []);

        await filter.InvokeMethodAsync(call, _ => ValueTask.FromResult<object?>(null));

        Assert.Equal(before, CultureInfo.CurrentUICulture);
    }
}
