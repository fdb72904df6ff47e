using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>Tokens the server did not issue itself: expired, forged, or for things that do not exist.</summary>
public static class TestTokens
{
    private const string Issuer = "netwerklive";

    /// <summary>A token signed with the test server's key, valid or not depending on the times given.</summary>
    public static string Sign(string eventId, string attendeeId, bool isHost = false, DateTime? expires = null)
    {
        var end = expires ?? DateTime.UtcNow.AddHours(1);
        var start = end.AddHours(-2);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = start,
            NotBefore = start,
            Expires = end,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", attendeeId),
                new Claim("evt", eventId),
                new Claim("role", isHost ? "host" : "attendee"),
            ]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(NetwerkLiveFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>
    /// Changes one character in the middle of the signature. (Not the last one: its low bits are
    /// padding, so changing it can leave the decoded signature, and the token, valid.)
    /// </summary>
    public static string FlipSignatureCharacter(string token)
    {
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        var i = signature.Length / 2;
        signature[i] = signature[i] == 'A' ? 'B' : 'A';
        parts[2] = new string(signature);
        return string.Join('.', parts);
    }

    /// <summary>Rewrites the payload to claim the host role, keeping the attendee's signature.</summary>
    public static string ClaimHostRole(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["role"] = "host";
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }
}
