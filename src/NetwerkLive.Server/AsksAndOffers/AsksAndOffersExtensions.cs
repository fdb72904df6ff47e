using NetwerkLive.Server.AfterLive;

namespace NetwerkLive.Server.AsksAndOffers;

public static class AsksAndOffersExtensions
{
    /// <summary>Asks and offers ("Ik zoek / Ik bied") and the board; the rules are also used by registration.</summary>
    public static IHostApplicationBuilder AddAsksAndOffers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AfterLiveOptions>()
            .BindConfiguration(AfterLiveOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AskOfferService>();
        return builder;
    }
}
