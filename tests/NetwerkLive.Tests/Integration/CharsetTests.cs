using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>A body in a character set the server cannot read is the client's mistake: a clear 4xx, nothing in the error log.</summary>
public sealed class CharsetTests : IDisposable
{
    private readonly NetwerkLiveFactory _factory = new();
    private readonly LogCollector _logs;

    public CharsetTests() => _logs = _factory.CollectLogs();

    [Theory]
    [InlineData("/api/events", """{ "title": "Live" }""")]
    [InlineData("/api/events/{eventId}/attendees", """{ "displayName": "Ann" }""")]
    public async Task AnUnknownCharsetIsRefusedWithA415ProblemAndNoErrorLogged(string path, string json)
    {
        var created = await _factory.CreateEventAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");

        using var response = await _factory.CreateClient().PostAsync(path.Replace("{eventId}", created.EventId, StringComparison.Ordinal), content);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    public void Dispose() => _factory.Dispose();
}
