using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.AfterLive;

/// <summary>What the end of the live part changes, in one place for every caller.</summary>
public static class AfterLiveRules
{
    /// <summary>The live part ended and its open period is over: no more registrations, no coffee queue.</summary>
    public static bool IsClosed(this EventRecord ev, long now) => ev.OpenUntil is { } openUntil && now >= openUntil;

    /// <summary>The live part ended: no more host rounds.</summary>
    public static bool HasEnded(this EventRecord ev) => ev.EndedAt is not null;
}
