using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Server.Auth;

/// <summary>
/// Person tokens: who someone is across the events of a series. The server issues one with each registration;
/// presenting it at the next registration in the series is the only way to be recognised as the same person,
/// so nobody becomes someone else by typing their contact or name. Signed with the event tokens' key but for
/// another audience, so neither kind of token is accepted in the other's place.
/// </summary>
public sealed class PersonTokens(TokenIssuer issuer, IOptions<AuthOptions> options, TimeProvider time)
{
    public const string SeriesClaim = "ser";

    private readonly JsonWebTokenHandler _handler = new();

    private string Audience => issuer.Issuer + "/person";

    public string Issue(string seriesKey, string personId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.PersonTokenLifetime,
            Subject = new ClaimsIdentity([new Claim(EventCaller.SubjectClaim, personId), new Claim(SeriesClaim, seriesKey)]),
            SigningCredentials = new SigningCredentials(issuer.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The person the token names when it is genuine, current and of this series; otherwise why not, as a sentence.</summary>
    public async Task<PersonTokenCheck> CheckAsync(string token, string seriesKey)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = issuer.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // Checked below on the server's TimeProvider, like every other clock here.
            ValidateLifetime = false,
        });
        if (!result.IsValid)
        {
            return new(null, Texts.Get("Person.Invalid"));
        }
        if (result.SecurityToken.ValidTo + ClockSkew < time.GetUtcNow().UtcDateTime)
        {
            return new(null, Texts.Get("Person.Expired"));
        }
        if (!result.Claims.TryGetValue(SeriesClaim, out var series) || series as string != seriesKey)
        {
            return new(null, Texts.Get("Person.OtherSeries"));
        }
        var personId = result.Claims.TryGetValue(EventCaller.SubjectClaim, out var subject) ? subject as string : null;
        return string.IsNullOrEmpty(personId) ? new(null, Texts.Get("Person.Invalid")) : new(personId, null);
    }

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
}

/// <summary>What a person token check found: a person id, or a refusal to show as it is.</summary>
public readonly record struct PersonTokenCheck(string? PersonId, string? Refusal);
