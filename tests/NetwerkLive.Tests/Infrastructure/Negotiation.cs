using System.Net;
using System.Text.Json;
using NetwerkLive.Client;
using NetwerkLive.Contracts;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>What the hub's negotiate endpoint answers a plain HTTP client, as a browser would see it.</summary>
public sealed record NegotiateAnswer(HttpStatusCode Status, string? MediaType, JsonElement Body);

public static class Negotiation
{
    /// <summary>
    /// A connection that negotiates first, as SignalR clients do by default, so a refused token fails
    /// the negotiate request with an HttpRequestException carrying the status code.
    /// </summary>
    public static EventConnection ConnectNegotiating(this NetwerkLiveFactory factory, string token, HubProtocol protocol = HubProtocol.MessagePack) =>
        EventConnection.Create(factory.Server.BaseAddress, token, protocol, options => options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler());

    public static async Task<NegotiateAnswer> NegotiateAsync(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string? token)
    {
        using var http = factory.CreateClient();
        var query = token is null ? "" : "&access_token=" + Uri.EscapeDataString(token);
        using var response = await http.PostAsync(new Uri($"{HubRoutes.Event}/negotiate?negotiateVersion=1{query}", UriKind.Relative), null);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new NegotiateAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
