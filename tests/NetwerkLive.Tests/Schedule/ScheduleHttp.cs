using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Schedule;

/// <summary>HTTP calls of the schedule tests in a chosen language, and what a refused field says.</summary>
internal static class ScheduleHttp
{
    public static async Task<HttpResponseMessage> PostAsync(NetwerkLiveFactory factory, string path, object body, string lang)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{path}?lang={lang}", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        return await factory.CreateClient().SendAsync(request);
    }

    /// <summary>The refusal of one field, asserting it is the only field refused and the problem's title.</summary>
    public static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field, string title)
    {
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal([field], errors.Keys);
        return Assert.Single(errors[field].EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>ISO 8601 with the offset, as the browser sends it.</summary>
    public static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public static CreateEventRequest Request(DateTimeOffset? startsAt = null, string? description = null, string[]? tags = null, bool? allowOwn = null) =>
        new("Bedrijvenkring live", StartsAt: startsAt is null ? null : Iso(startsAt.Value), Description: description, InterestTags: tags, AllowOwnInterests: allowOwn);

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
