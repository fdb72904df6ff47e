using NetwerkLive.Server.Localization;

namespace NetwerkLive.Tests.Localization;

/// <summary>The person's zone as the server reads it from <c>?tz=</c>, and how it writes a moment for them.</summary>
public sealed class PersonTimeTests
{
    private static readonly DateTimeOffset Moment = new(2026, 12, 9, 9, 50, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/Amsterdam", "Europe/Amsterdam")]
    [InlineData(" America/New_York ", "America/New_York")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")] // a Windows id becomes its IANA zone
    public void AKnownZoneIsFoundByItsIanaOrWindowsId(string asked, string ianaId)
    {
        Assert.Equal(ianaId, PersonTime.Zone(asked)?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    public void NoZoneOrOneThisServerDoesNotKnowIsNone(string? asked)
    {
        Assert.Null(PersonTime.Zone(asked));
    }

    [Fact]
    public async Task AMomentIsWrittenInThePersonsZoneOrInUtcSayingSo()
    {
        // Each async flow has its own zone: set in one task, it is not left behind for another.
        var inAmsterdam = await Task.Run(() =>
        {
            PersonTime.Current = PersonTime.Zone("Europe/Amsterdam");
            return PersonTime.Format(Moment, "yyyy-MM-dd HH:mm");
        });

        Assert.Equal("2026-12-09 10:50", inAmsterdam);
        Assert.Null(PersonTime.Current);
        Assert.Equal("2026-12-09 09:50 UTC", PersonTime.Format(Moment, "yyyy-MM-dd HH:mm"));
    }
}
