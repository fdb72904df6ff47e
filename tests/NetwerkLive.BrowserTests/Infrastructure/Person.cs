namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>What someone types into the join form.</summary>
public sealed record Person(string Name, string? Company = null, string? Interests = null, string? Contact = null)
{
    public static readonly Person Ann = new("Ann de Vries", "Hoya", "sales, duurzaamheid", "ann@example.org");
    public static readonly Person Bram = new("Bram Jansen", "Vitens", "water, data", "bram@example.org");
    public static readonly Person Chris = new("Chris Bakker", "Bakkerij Bakker", "brood, export", "https://example.org/chris");
    public static readonly Person Dewi = new("Dewi Smit", "Smit Advies", "data, sales", "dewi@example.org");
    public static readonly Person Eva = new("Eva Mulder", "Mulder Bouw", "bouw", "eva@example.org");
}
