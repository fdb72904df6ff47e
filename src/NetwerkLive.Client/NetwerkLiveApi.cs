using System.Net.Http.Json;
using NetwerkLive.Contracts;

namespace NetwerkLive.Client;

/// <summary>The HTTP API. Non-success answers throw <see cref="NetwerkLiveApiException"/> with the server's explanation.</summary>
public sealed class NetwerkLiveApi(HttpClient http)
{
    public async Task<CreateEventResponse> CreateEventAsync(CreateEventRequest request, CancellationToken ct = default) =>
        await ReadAsync<CreateEventResponse>(await http.PostAsJsonAsync("/api/events", request, ct), ct);

    public async Task<EventSummary> GetEventAsync(string eventId, CancellationToken ct = default) =>
        await ReadAsync<EventSummary>(await http.GetAsync(new Uri($"/api/events/{Uri.EscapeDataString(eventId)}", UriKind.Relative), ct), ct);

    /// <summary>
    /// Registers for the event. Keep the answer's <see cref="RegisterAttendeeResponse.PersonToken"/> and send it as
    /// <see cref="RegisterAttendeeRequest.PersonToken"/> at the next event of the series to be recognised as the same
    /// person; without it the registration is a new person. A refused person token is a 400 naming <c>personToken</c>.
    /// </summary>
    public async Task<RegisterAttendeeResponse> RegisterAsync(string eventId, RegisterAttendeeRequest request, CancellationToken ct = default) =>
        await ReadAsync<RegisterAttendeeResponse>(await http.PostAsJsonAsync($"/api/events/{Uri.EscapeDataString(eventId)}/attendees", request, ct), ct);

    /// <summary>The networking report; needs the host token.</summary>
    public async Task<EventReport> GetReportAsync(string eventId, string hostToken, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events/{Uri.EscapeDataString(eventId)}/report", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", hostToken);
        return await ReadAsync<EventReport>(await http.SendAsync(request, ct), ct);
    }

    /// <summary>Creates an event in the series of an earlier one, as that event's host.</summary>
    public async Task<CreateEventResponse> ContinueSeriesAsync(CreateEventRequest request, string earlierHostToken, CancellationToken ct = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/events", UriKind.Relative)) { Content = JsonContent.Create(request) };
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", earlierHostToken);
        return await ReadAsync<CreateEventResponse>(await http.SendAsync(message, ct), ct);
    }

    /// <summary>Replaces the host token: the one sent stops working on every node, the answer holds the new one.</summary>
    public async Task<HostTokenResponse> RotateHostTokenAsync(string eventId, string hostToken, CancellationToken ct = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/events/{Uri.EscapeDataString(eventId)}/host-token", UriKind.Relative));
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", hostToken);
        return await ReadAsync<HostTokenResponse>(await http.SendAsync(message, ct), ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new NetwerkLiveApiException(response.StatusCode, body);
            }
            return await response.Content.ReadFromJsonAsync<T>(ct)
                ?? throw new NetwerkLiveApiException(response.StatusCode, "The server sent an empty answer.");
        }
    }
}

public sealed class NetwerkLiveApiException(System.Net.HttpStatusCode status, string body)
    : Exception($"NetwerkLive answered {(int)status} {status}: {body}")
{
    public System.Net.HttpStatusCode Status { get; } = status;

    /// <summary>The raw answer: RFC 7807 ProblemDetails JSON for the service's own errors.</summary>
    public string Body { get; } = body;
}
