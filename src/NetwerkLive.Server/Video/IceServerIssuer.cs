using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Video;

/// <summary>
/// The ICE servers for one attendee. TURN credentials follow the TURN REST API convention that coturn's
/// <c>use-auth-secret</c> checks: the username is "expiry:attendeeId" (expiry in Unix seconds) and the credential
/// is base64(HMAC-SHA1(secret, username)), so the TURN server needs no user list and a credential stops working
/// by itself. Never a static password in the page.
/// </summary>
public sealed class IceServerIssuer(IOptions<VideoOptions> options, TimeProvider time)
{
    public IceConfig IssueFor(string attendeeId)
    {
        var o = options.Value;
        var expires = time.GetUtcNow() + o.TurnCredentialLifetime;
        var username = expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + attendeeId;
        var anyTurn = false;
        var servers = o.IceServers.Select(server =>
        {
            if (!server.Urls.Any(IsTurn))
            {
                return new IceServer(server.Urls);
            }
            anyTurn = true;
            return new IceServer(server.Urls, username, Credential(o.TurnSecret!, username));
        }).ToArray();
        return new IceConfig(servers, o.IceTransportPolicy, anyTurn ? expires.ToUnixTimeMilliseconds() : 0);
    }

    // SHA-1 because the TURN REST convention and coturn's use-auth-secret fix it; as an HMAC it is not the weak part.
#pragma warning disable CA5350
    public static string Credential(string secret, string username) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
#pragma warning restore CA5350

    public static bool IsTurn(string url) =>
        url.StartsWith("turn:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("turns:", StringComparison.OrdinalIgnoreCase);
}
