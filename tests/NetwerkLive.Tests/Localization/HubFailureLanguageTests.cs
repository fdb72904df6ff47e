using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Localization;

/// <summary>
/// The real server with one fault put in: <c>GetChatSince</c> fails as a bug would (an exception that is not a refusal),
/// inside the server's own hub filters, so the call takes the path a real bug takes.
/// </summary>
public sealed class FailingChatReadFactory : NetwerkLiveFactory
{
    public const string Method = "GetChatSince";

    public FailingChatReadFactory() => CollectLogs();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<HubOptions>(hub => hub.AddFilter(new FailingFilter())));
    }

    private sealed class FailingFilter : IHubFilter
    {
        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
            invocationContext.HubMethodName == Method
                ? throw new InvalidOperationException("A bug in the chat read (put in by the test).")
                : next(invocationContext);
    }
}

/// <summary>A hub call that fails on a bug is answered in the person's language, and the bug is logged as an error.</summary>
public sealed class HubFailureLanguageTests(FailingChatReadFactory factory) : IClassFixture<FailingChatReadFactory>
{
    [Theory]
    [InlineData("nl", "Er ging aan onze kant iets mis, dus dit kon niet worden gedaan. Probeer het zo nog eens; blijft het misgaan, laat het de host weten.")]
    [InlineData("en", "Something went wrong on our side, so this could not be done. Try again in a moment; if it keeps happening, tell the host.")]
    public async Task ACallThatFailsOnABugIsAnsweredInThePersonsLanguageAndLoggedAsAnError(string lang, string sentence)
    {
        var created = await factory.CreateEventAsync();
        var token = (await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest("Ann", "Hoya"))).Token;
        await using var connection = factory.Connect(token, HubProtocol.MessagePack, lang: lang);
        await connection.StartAsync();
        await connection.Join();

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.GetChatSince(0, 10));

        Assert.Equal(HubRefusals.Message(FailingChatReadFactory.Method, sentence), refused.Message);
        Assert.Contains(factory.CollectLogs().Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }
}
