using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Breakouts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.AfterLive;

/// <summary>
/// After the live part people may still register and use the coffee queue until openUntil (AfterLive:OpenFor, 30 days),
/// and not after: the fake clock moves the server past it.
/// </summary>
public class OpenPeriodTests
{
    protected virtual bool OnRedis => false;

    [Fact]
    public async Task PeopleCanStillRegisterAndFindACoffeePartnerUntilTheOpenPeriodEnds()
    {
        await using var clocked = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (ann, until) = await EndWithAnnAsync(clocked);
        clocked.AdvanceTo(until - 1);

        var bob = await clocked.RegisterAsync("Bob");
        var status = await ann.Connection.FindCoffeePartner();

        Assert.False(string.IsNullOrEmpty(bob.AttendeeId));
        Assert.False(status.Matched);
    }

    [Theory]
    [InlineData("en", "Registration closed", "This event has closed: registering is no longer possible.")]
    [InlineData("nl", "Aanmelden gesloten", "Dit evenement is gesloten: aanmelden kan niet meer.")]
    public async Task AfterTheOpenPeriodRegisteringAnswersGone(string lang, string title, string detail)
    {
        await using var clocked = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (_, until) = await EndWithAnnAsync(clocked);
        clocked.AdvanceTo(until);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{clocked.Live.Id}/attendees")
        {
            Content = JsonContent.Create(new RegisterAttendeeRequest("Bob")),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", lang);
        using var response = await clocked.Factory.CreateClient().SendAsync(request);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Gone);
        Assert.Equal((title, detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("en", "This event has closed: the coffee queue is no longer open.")]
    [InlineData("nl", "Dit evenement is gesloten: de koffierij is niet meer open.")]
    public async Task AfterTheOpenPeriodTheCoffeeQueueIsRefused(string lang, string refusal)
    {
        await using var clocked = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var registration = await clocked.RegisterAsync("Ann");
        await using var ann = new TestClient(clocked.Factory.Connect(registration.Token, lang: lang), registration.AttendeeId, registration.Token);
        await ann.Connection.StartAsync();
        await ann.Connection.Join();
        var until = await EndAsync(clocked);
        clocked.AdvanceTo(until);

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.FindCoffeePartner());

        Assert.Equal(HubRefusals.Message("FindCoffeePartner", refusal), error.Message);
    }

    private static async Task<(TestClient Ann, long OpenUntil)> EndWithAnnAsync(ClockedEvent clocked)
    {
        var registration = await clocked.RegisterAsync("Ann");
        var (ann, _) = await clocked.ConnectAsync(registration.AttendeeId, registration.Token);
        return (ann, await EndAsync(clocked));
    }

    /// <summary>The host ends the live part; returns openUntil as the server set it.</summary>
    private static async Task<long> EndAsync(ClockedEvent clocked)
    {
        await using var host = new TestClient(clocked.Factory.Connect(clocked.Live.Created.HostToken), "", clocked.Live.Created.HostToken);
        await host.Connection.StartAsync();
        await host.Connection.Join();
        await host.Connection.EndLive(null, false);
        var notice = await host.LiveEnded.WaitForAny();
        Assert.Equal(clocked.Now + (long)TimeSpan.FromDays(30).TotalMilliseconds, notice.OpenUntil);
        return notice.OpenUntil;
    }
}

public sealed class OpenPeriodOnRedisTests : OpenPeriodTests
{
    protected override bool OnRedis => true;
}
