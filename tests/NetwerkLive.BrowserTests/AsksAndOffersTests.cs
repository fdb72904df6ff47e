using System.Net.Http.Json;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// "Ik zoek / Ik bied" in the page: given on the join form (with a host tag), shown in the other page's list of people
/// and on the partner card as the conversation starter, and changed in the room with the dialog; Ann's page is a 390 px phone.
/// </summary>
[Collection(RoomSuite.Name)]
public sealed class AsksAndOffersTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AnAskAndOfferFromTheJoinFormReachTheListAndThePartnerCardAndAChangeInTheRoomReachesTheOtherPage()
    {
        using var http = new HttpClient { BaseAddress = Scene.BaseAddress };
        var response = await http.PostAsJsonAsync("/api/events", new CreateEventRequest("Ondernemerscafé", Scene.EmbeddedLivestream,
            "https://meet.jit.si/netwerk-{room}", MeetingMode: MeetingModes.External, InterestTags: ["Duurzaamheid", "Financiën"]));
        var created = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<CreateEventResponse>())!;
        var ev = new EventLinks(created.EventId, new Uri(Scene.BaseAddress, $"/e/{created.EventId}/host#token={created.HostToken}"), new Uri(created.JoinUrl));

        // Ann joins on a phone in Dutch with an ask and one of the host's tags; Bram on a desktop in English with an offer.
        var ann = await Scene.OpenBrowserAsync("Ann", PhoneScreen.Size, phone: true, language: "nl-NL");
        await ann.GotoAsync(ev.JoinLink.ToString());
        await PhoneScreen.AssertWithinWidthAsync(ann.GetByTestId("join-ask"));
        await PhoneScreen.AssertWithinWidthAsync(ann.GetByTestId("join-offer-tags"));
        await ann.GetByTestId("display-name").FillAsync("Ann de Vries");
        await ann.GetByTestId("company").FillAsync("Hoya");
        await ann.GetByTestId("join-ask").FillAsync("Wie kent de subsidieregels voor zonnepanelen?");
        await ann.GetByTestId("join-ask-tags").GetByLabel("Duurzaamheid").CheckAsync();
        await ann.GetByTestId("join").ClickAsync();
        var bram = await Scene.OpenBrowserAsync("Bram");
        await bram.GotoAsync(ev.JoinLink.ToString());
        await bram.GetByTestId("display-name").FillAsync("Bram Jansen");
        await bram.GetByTestId("company").FillAsync("Vitens");
        await bram.GetByTestId("join-offer").FillAsync("Ik ken de subsidieregels goed");
        await bram.GetByTestId("join").ClickAsync();

        var annInBramsList = bram.GetByTestId("attendee-list").Locator("li", new() { HasText = "Ann de Vries" });
        await Expect(annInBramsList.GetByTestId("attendee-ask")).ToHaveTextAsync("Looking for: Wie kent de subsidieregels voor zonnepanelen?Duurzaamheid");
        var bramInAnnsList = ann.GetByTestId("attendee-list").Locator("li", new() { HasText = "Bram Jansen" });
        await Expect(bramInAnnsList.GetByTestId("attendee-offer")).ToHaveTextAsync("Biedt: Ik ken de subsidieregels goed");

        // A round: Ann's partner card opens with Bram's offer as the conversation starter.
        await using var host = await HubPerson.HostAsync(Scene, ev);
        await host.StartRound(60, 2);
        var partnerOffer = ann.GetByTestId("breakout-partner").GetByTestId("partner-offer");
        await Expect(partnerOffer).ToHaveTextAsync("Biedt: Ik ken de subsidieregels goed");
        await PhoneScreen.AssertWithinWidthAsync(partnerOffer);
        await PhoneScreen.AssertNoHorizontalScrollAsync(ann, "breakout with the partner's offer");

        // Ann changes her ask in the room; Bram's page shows the new one.
        await ann.GetByTestId("ask-offer-edit").ClickAsync();
        await Expect(ann.GetByTestId("ask-text")).ToHaveValueAsync("Wie kent de subsidieregels voor zonnepanelen?");
        await Axe.AssertNoSeriousViolationsAsync(ann, "the asks and offers dialog on a phone");
        await PhoneScreen.AssertWithinWidthAsync(ann.GetByTestId("ask-offer-save"));
        await PhoneScreen.AssertWithinWidthAsync(ann.GetByTestId("ask-text"), minWidth: 280);
        await ann.GetByTestId("ask-text").FillAsync("Een boekhouder die startups snapt");
        await ann.GetByTestId("ask-offer-save").ClickAsync();
        await Expect(ann.GetByTestId("ask-offer-dialog")).ToBeHiddenAsync();
        await Expect(annInBramsList.GetByTestId("attendee-ask")).ToHaveTextAsync("Looking for: Een boekhouder die startups snaptDuurzaamheid");
    }
}
