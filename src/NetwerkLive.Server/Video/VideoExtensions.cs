namespace NetwerkLive.Server.Video;

public static class VideoExtensions
{
    /// <summary>In-page breakout calls: signalling relay, ICE servers and TURN credentials.</summary>
    public static IHostApplicationBuilder AddVideo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VideoOptions>()
            .BindConfiguration(VideoOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.IceServers.All(s => s.Urls.Length > 0 && s.Urls.All(IsIceUrl)),
                "Video:IceServers: every server needs Urls, each starting with stun:, stuns:, turn: or turns:.")
            .Validate(o => !o.IceServers.Any(s => s.Urls.Any(IceServerIssuer.IsTurn)) || o.TurnSecret is { Length: >= 16 },
                "Video:TurnSecret (at least 16 characters, coturn's static-auth-secret) is needed when a TURN URL is configured.")
            .Validate(o => o.IceTransportPolicy != "relay" || o.IceServers.Any(s => s.Urls.Any(IceServerIssuer.IsTurn)),
                "Video:IceTransportPolicy \"relay\" needs a TURN server in Video:IceServers.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IceServerIssuer>();
        builder.Services.AddSingleton<VideoCallService>();
        return builder;
    }

    private static bool IsIceUrl(string url) =>
        IceServerIssuer.IsTurn(url) || url.StartsWith("stun:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("stuns:", StringComparison.OrdinalIgnoreCase);
}
