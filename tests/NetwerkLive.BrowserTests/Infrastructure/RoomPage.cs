using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>An attendee's page (/e/{eventId}): the join form, then the room and the breakout panel.</summary>
public sealed class RoomPage
{
    private RoomPage(IPage page, EventLinks ev, Person person, string attendeeId)
    {
        Page = page;
        Event = ev;
        Person = person;
        AttendeeId = attendeeId;
    }

    public IPage Page { get; }
    public EventLinks Event { get; }
    public Person Person { get; }
    public string AttendeeId { get; }

    /// <summary>Opens the join link in a browser of the person's own, fills the form and waits until the room is live.</summary>
    public static async Task<RoomPage> JoinAsync(Scene scene, EventLinks ev, Person person, ViewportSize? viewport = null, bool phone = false,
        string language = "en-US", bool bypassCsp = false)
    {
        var page = await scene.OpenBrowserAsync(person.Name, viewport, phone, language, bypassCsp: bypassCsp);
        await page.GotoAsync(ev.JoinLink.ToString());
        await FillJoinFormAsync(page, person);
        await page.GetByTestId("join").ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        return new RoomPage(page, ev, person, await StoredAttendeeIdAsync(page, ev));
    }

    /// <summary>
    /// Joins on a page the test opened itself (a browser in another language, a phone, with init scripts
    /// of its own), and waits until the room is live.
    /// </summary>
    public static async Task<RoomPage> JoinOnAsync(IPage page, EventLinks ev, Person person)
    {
        await page.GotoAsync(ev.JoinLink.ToString());
        await FillJoinFormAsync(page, person);
        await page.GetByTestId("join").ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        return new RoomPage(page, ev, person, await StoredAttendeeIdAsync(page, ev));
    }

    /// <summary>
    /// Several people join at once, each in a browser of their own, as they would at the start of an
    /// event; the pages come back in the order of <paramref name="people"/>.
    /// </summary>
    /// <summary>The room on a page where the test clicked "join" itself; waits until the room is live.</summary>
    public static async Task<RoomPage> OnceLiveAsync(IPage page, EventLinks ev, Person person)
    {
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        return new RoomPage(page, ev, person, await StoredAttendeeIdAsync(page, ev));
    }

    public static async Task<RoomPage[]> JoinAllAsync(Scene scene, EventLinks ev, params Person[] people) =>
        await Task.WhenAll(people.Select(person => JoinAsync(scene, ev, person)));

    public static async Task FillJoinFormAsync(IPage page, Person person)
    {
        await page.GetByTestId("display-name").FillAsync(person.Name);
        if (person.Company is not null)
        {
            await page.GetByTestId("company").FillAsync(person.Company);
        }
        if (person.Interests is not null)
        {
            await page.GetByTestId("interests").FillAsync(person.Interests);
        }
        if (person.Contact is not null)
        {
            await page.GetByTestId("contact").FillAsync(person.Contact);
        }
    }

    /// <summary>The attendee id the page keeps in sessionStorage (key netwerklive:{eventId}) to rejoin after a reload.</summary>
    public static async Task<string> StoredAttendeeIdAsync(IPage page, EventLinks ev)
    {
        var id = await page.EvaluateAsync<string?>(
            "key => { const v = sessionStorage.getItem(key); return v ? JSON.parse(v).attendeeId : null; }",
            $"netwerklive:{ev.EventId}");
        return id ?? throw new InvalidOperationException(
            $"After joining, sessionStorage has no attendeeId under netwerklive:{ev.EventId} (ui contract: join page).");
    }

    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    public ILocator ConnectionState => ByTestId("connection-state");
    public ILocator AttendeeCount => ByTestId("attendee-count");
    public ILocator AttendeeList => ByTestId("attendee-list");
    public ILocator ChatList => ByTestId("chat-list");
    public ILocator ChatItems => ChatList.Locator("li");
    public ILocator BreakoutPanel => ByTestId("breakout-panel");
    public ILocator BreakoutPartners => BreakoutPanel.GetByTestId("breakout-partner");
    public ILocator BreakoutCountdown => BreakoutPanel.GetByTestId("breakout-countdown");
    public ILocator BreakoutChatList => BreakoutPanel.GetByTestId("breakout-chat-list");
    public ILocator FollowUpContacts => ByTestId("follow-up-contact");

    /// <summary>The li of one attendee in the attendee list.</summary>
    public ILocator AttendeeEntry(string attendeeId) => AttendeeList.Locator($"li[data-attendee-id=\"{attendeeId}\"]");

    /// <summary>Chat entries whose text contains <paramref name="text"/>.</summary>
    public ILocator ChatMessage(string text) => ChatItems.Filter(new() { Has = Page.Locator(".text", new() { HasTextString = text }) });

    public ILocator BreakoutChatMessage(string text) =>
        BreakoutChatList.Locator("li").Filter(new() { Has = Page.Locator(".text", new() { HasTextString = text }) });

    public ILocator Partner(string attendeeId) => BreakoutPanel.Locator($"[data-testid=\"breakout-partner\"][data-attendee-id=\"{attendeeId}\"]");

    /// <summary>Sends a room chat message (with the send button, or Enter) and waits until it shows in this page's chat.</summary>
    public async Task SendChatAsync(string text, bool pressEnter = false)
    {
        var input = ByTestId("chat-input");
        await input.FillAsync(text);
        if (pressEnter)
        {
            await input.PressAsync("Enter");
        }
        else
        {
            await ByTestId("chat-send").ClickAsync();
        }
        await Expect(ChatMessage(text)).ToHaveCountAsync(1);
    }

    /// <summary>Sends a breakout chat message and waits until it shows in this page's breakout chat.</summary>
    public async Task SendBreakoutChatAsync(string text)
    {
        await BreakoutPanel.GetByTestId("breakout-chat-input").FillAsync(text);
        await BreakoutPanel.GetByTestId("breakout-chat-send").ClickAsync();
        await Expect(BreakoutChatMessage(text)).ToHaveCountAsync(1);
    }

    /// <summary>The data-attendee-id of every partner in the breakout panel, sorted.</summary>
    public async Task<string[]> PartnerIdsAsync()
    {
        var ids = new List<string>();
        foreach (var partner in await BreakoutPartners.AllAsync())
        {
            ids.Add(await partner.GetAttributeAsync("data-attendee-id") ?? "");
        }
        return [.. ids.Order(StringComparer.Ordinal)];
    }

    public override string ToString() => Person.Name;
}
