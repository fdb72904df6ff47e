using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NetwerkLive.Server.Auth;

/// <summary>Holds the signing key and issues the event tokens that the JWT bearer handler checks.</summary>
public sealed class TokenIssuer
{
    private readonly AuthOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new();

    public TokenIssuer(IOptions<AuthOptions> options, TimeProvider time, ILogger<TokenIssuer> logger)
    {
        _options = options.Value;
        _time = time;
        if (string.IsNullOrEmpty(_options.SigningKey))
        {
            AuthLog.RandomSigningKey(logger);
            Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        }
        else
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_options.SigningKey));
        }
    }

    public SymmetricSecurityKey Key { get; }

    public string Issuer => _options.Issuer;

    /// <summary>A token for the attendee (or host); <paramref name="tokenVersion"/> is their record's current <see cref="Storage.AttendeeRecord.TokenVersion"/>.</summary>
    public string Issue(string eventId, string attendeeId, bool isHost, int tokenVersion = 0)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.TokenLifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(EventCaller.SubjectClaim, attendeeId),
                new Claim(EventCaller.EventClaim, eventId),
                new Claim(EventCaller.RoleClaim, isHost ? EventCaller.HostRole : EventCaller.AttendeeRole),
                new Claim(EventCaller.TokenVersionClaim, tokenVersion.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
            ]),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        };
        return _handler.CreateToken(descriptor);
    }
}
