using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Unit;

/// <summary>Bad settings stop the server at start-up with a message that names the setting, not at first use.</summary>
public sealed class OptionsValidationTests
{
    internal static OptionsValidationException StartupFailure(NetwerkLiveFactory factory)
    {
        using (factory)
        {
            var thrown = Record.Exception(() => factory.CreateClient());
            Assert.NotNull(thrown);
            return Find(thrown) ?? throw new Xunit.Sdk.XunitException($"Start-up failed, but not with an OptionsValidationException: {thrown}");
        }
    }

    private static OptionsValidationException? Find(Exception? exception) => exception switch
    {
        null => null,
        OptionsValidationException found => found,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => Find(exception.InnerException),
    };

    [Theory]
    [InlineData("Room:MaxChatLength", "0", "Room:MaxChatLength must be between 1 and 10000 characters.")]
    [InlineData("Room:ChatMessagesPerWindow", "0", "Room:ChatMessagesPerWindow must be between 1 and 1000.")]
    [InlineData("Room:ChatWindow", "00:00:00", "Room:ChatWindow must be between 1 second and 1 hour.")]
    [InlineData("Room:ChatRetention", "10", "Room:ChatRetention must keep between 500 and 100000 messages per event.")]
    [InlineData("Room:PresenceInterval", "00:00:00", "Room:PresenceInterval must be between 10 ms and 1 minute.")]
    [InlineData("Room:PresenceGracePeriod", "-00:00:01", "Room:PresenceGracePeriod must be between 0 and 10 minutes.")]
    [InlineData("Room:MaximumReceiveMessageSize", "100", "Room:MaximumReceiveMessageSize must be between 1 KB and 1 MB.")]
    [InlineData("Auth:SigningKey", "short", "Auth:SigningKey must be at least 32 characters long")]
    [InlineData("Auth:TokenLifetime", "00:00:10", "Auth:TokenLifetime must be between one minute and 365 days.")]
    [InlineData("Redis:KeyPrefix", "netwerklive", "Redis:KeyPrefix must be 1 to 40 letters")]
    [InlineData("Storage:EventRetention", "00:00:30", "Storage:EventRetention must be between one minute and 3650 days.")]
    [InlineData("Redis:OperationTimeout", "00:00:00", "Redis:OperationTimeout must be between 100 ms and 30 seconds.")]
    [InlineData("Breakouts:MinRoundDuration", "00:00:04", "Breakouts:MinRoundDuration must be between 5 seconds and 1 hour.")]
    [InlineData("Breakouts:HostOverviewDelay", "00:00:02", "Breakouts:HostOverviewDelay must be between 10 ms and 1 second")]
    [InlineData("Breakouts:HostOverviewDelay", "00:00:00", "Breakouts:HostOverviewDelay must be between 10 ms and 1 second")]
    [InlineData("AfterLive:BoardSize", "0", "AfterLive:BoardSize must be between 1 and 5000 people.")]
    [InlineData("AfterLive:OpenFor", "00:10:00", "AfterLive:OpenFor must be between one hour and 365 days (for example 30.00:00:00): how long people may still register and meet after the live part.")]
    [InlineData("Schedule:CalendarEventLength", "00:01:00", "Schedule:CalendarEventLength must be between 5 minutes and 1 day")]
    [InlineData("Coffees:Length", "00:04:00", "Coffees:Length must be between 5 minutes and 4 hours.")]
    [InlineData("Coffees:RoomOpensBefore", "-00:01:00", "Coffees:RoomOpensBefore must be between 0 and 2 hours.")]
    [InlineData("Coffees:ReminderSweep", "00:00:00", "Coffees:ReminderSweep must be between 1 second and 10 minutes.")]
    public void StartupFailsNamingTheBadSetting(string key, string value, string expected)
    {
        var failure = StartupFailure(new NetwerkLiveFactory().With(key, value));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupFailsWhenTheChatRateIsFinerThanTenMilliseconds()
    {
        var failure = StartupFailure(new NetwerkLiveFactory()
            .With("Room:ChatWindow", "00:00:01")
            .With("Room:ChatMessagesPerWindow", "1000"));

        Assert.Contains("Room:ChatWindow divided by Room:ChatMessagesPerWindow must be at least 10 ms.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupReportsEveryBadSettingAtOnce()
    {
        var failure = StartupFailure(new NetwerkLiveFactory()
            .With("Room:MaxChatLength", "0")
            .With("Room:ChatOnJoin", "-1"));

        Assert.Contains("Room:MaxChatLength", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Room:ChatOnJoin", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptySigningKeyStartsWithAKeyOfItsOwnThatAnotherStartDoesNotShareAndSaysSo()
    {
        using var first = new NetwerkLiveFactory().With("Auth:SigningKey", "");
        var logs = first.CollectLogs();
        using var second = new NetwerkLiveFactory().With("Auth:SigningKey", "");

        var created = await new NetwerkLive.Client.NetwerkLiveApi(first.CreateClient())
            .CreateEventAsync(new NetwerkLive.Contracts.CreateEventRequest("Bedrijvenkring live"));

        // Checked by the server that issued it it gets as far as the event; by another one, not past the signature.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await first.NegotiateAsync(created.HostToken)).Status);
        var refused = await second.NegotiateAsync(created.HostToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.Status);
        Assert.StartsWith("Your access token is not valid", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Auth:SigningKey is not set: using a random signing key.", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRandomSigningKeyWarningIsLoggedAtStartupBeforeAnyRequest()
    {
        using var factory = new NetwerkLiveFactory().With("Auth:SigningKey", "");
        var logs = factory.CollectLogs();

        _ = factory.Services; // starts the server; no request is made

        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == 1001);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Auth:SigningKey is not set", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfiguredSigningKeyLogsNoRandomKeyWarning()
    {
        using var factory = new NetwerkLiveFactory();
        var logs = factory.CollectLogs();

        _ = factory.Services;

        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 1001);
    }

    [Fact]
    public void StartupWithRedisFailsWithoutASharedSigningKey()
    {
        // Nothing listens on port 1: the options are checked before anything connects.
        var failure = StartupFailure(new NetwerkLiveFactory()
            .With("Redis:ConnectionString", "127.0.0.1:1")
            .With("Auth:SigningKey", ""));

        Assert.Contains("Auth:SigningKey must be set when Redis:ConnectionString is", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupFailsWhenANodeWouldLookDeadBetweenTwoHeartbeats()
    {
        var failure = StartupFailure(new NetwerkLiveFactory()
            .With("Redis:HeartbeatInterval", "00:00:05")
            .With("Redis:NodeTimeout", "00:00:08"));

        Assert.Contains("Redis:NodeTimeout must be more than twice Redis:HeartbeatInterval", failure.Message, StringComparison.Ordinal);
    }
}
