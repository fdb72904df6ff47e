using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddEventAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            // Not [MinLength]: it refuses the empty key, which asks for a random one (and is what appsettings.json ships).
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || o.SigningKey.Length >= AuthOptions.MinSigningKeyLength, AuthOptions.SigningKeyTooShort)
            // A random key per process would make every node refuse the tokens the others issued.
            .Validate<IOptions<RedisOptions>>((o, redis) => !redis.Value.Enabled || !string.IsNullOrEmpty(o.SigningKey), AuthOptions.SigningKeyRequiredWithRedis)
            .ValidateOnStart();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddHostedService<SigningKeyAtStartup>();
        builder.Services.AddSingleton<HostTokens>();
        builder.Services.AddHostedService<HostTokens.Relay>();
        builder.Services.AddSingleton<PersonTokens>();
        builder.Services.AddSingleton<IUserIdProvider, AttendeeUserIdProvider>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>Endpoints of the auth feature: replacing the host token.</summary>
    public static WebApplication MapEventAuth(this WebApplication app)
    {
        HostTokens.Map(app);
        return app;
    }

    /// <summary>
    /// Makes the signing key when the server starts, not at the first request: a missing Auth:SigningKey is
    /// then warned about in the start-up log, where whoever deploys looks, before anyone gets a token.
    /// </summary>
    private sealed class SigningKeyAtStartup(TokenIssuer issuer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = issuer.Key;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>SignalR's user id is the attendee id, so <c>Clients.User(attendeeId)</c> reaches all their tabs.</summary>
    private sealed class AttendeeUserIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) => EventCaller.From(connection.User)?.AttendeeId;
    }

    private sealed class ConfigureJwtBearer(TokenIssuer issuer) : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

        public void Configure(string? name, JwtBearerOptions options)
        {
            if (name != JwtBearerDefaults.AuthenticationScheme)
            {
                return;
            }
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = issuer.Issuer,
                ValidAudience = issuer.Issuer,
                IssuerSigningKey = issuer.Key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = EventCaller.SubjectClaim,
                RoleClaimType = EventCaller.RoleClaim,
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = ReadTokenFromQueryForHubs,
                OnTokenValidated = RefuseRemovedOrUnknownAttendees,
                OnChallenge = WriteProblemDetails,
            };
        }

        // Browsers cannot set headers on WebSockets or server-sent events, so SignalR sends the token in the query.
        private static Task ReadTokenFromQueryForHubs(MessageReceivedContext context)
        {
            var token = context.Request.Query["access_token"];
            if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
            {
                context.Token = token;
            }
            return Task.CompletedTask;
        }

        private static async Task RefuseRemovedOrUnknownAttendees(TokenValidatedContext context)
        {
            var caller = EventCaller.From(context.Principal);
            if (caller is null)
            {
                context.Fail(new TokenRefusedException(Texts.Get("Auth.NoEventInToken")));
                return;
            }
            var store = context.HttpContext.RequestServices.GetRequiredService<IEventStore>();
            var attendee = await store.GetAttendeeAsync(caller.EventId, caller.AttendeeId, context.HttpContext.RequestAborted);
            if (attendee is null)
            {
                context.Fail(new TokenRefusedException(Texts.Get("Auth.Gone")));
            }
            else if (attendee.Removed)
            {
                context.Fail(new TokenRefusedException(Texts.Get("Auth.Removed"), TokenRefusedException.Removed));
            }
            else if (attendee.TokenVersion != caller.TokenVersion)
            {
                context.Fail(new TokenRefusedException(Texts.Get("Auth.HostLinkReplaced")));
            }
        }

        private static async Task WriteProblemDetails(JwtBearerChallengeContext context)
        {
            context.HandleResponse();
            var detail = context.AuthenticateFailure switch
            {
                null => Texts.Get("Auth.Missing"),
                TokenRefusedException refused => refused.Message,
                SecurityTokenExpiredException => Texts.Get("Auth.Expired"),
                SecurityTokenNotYetValidException => Texts.Get("Auth.NotYetValid"),
                _ => Texts.Get("Auth.Invalid"),
            };
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<TokenIssuer>>();
            var reason = context.AuthenticateFailure?.GetType().Name ?? "missing";
            AuthLog.TokenRefused(logger, reason);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            // A page tells a removed person so (and offers no way back in) instead of showing the join form.
            var extensions = context.AuthenticateFailure is TokenRefusedException { Reason: { } code }
                ? new Dictionary<string, object?> { ["reason"] = code }
                : null;
            await Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: Texts.Get("Auth.NotSignedInTitle"), extensions: extensions)
                .ExecuteAsync(context.HttpContext);
        }
    }
}

/// <summary>
/// A well-signed token that is refused for a reason a person should read; <see cref="Reason"/> a code for a client
/// (the problem's <c>reason</c>) where it should act on it.
/// </summary>
public sealed class TokenRefusedException(string message, string? reason = null) : Exception(message)
{
    /// <summary>The host removed this attendee from the event.</summary>
    public const string Removed = "removed";

    public string? Reason { get; } = reason;
}
