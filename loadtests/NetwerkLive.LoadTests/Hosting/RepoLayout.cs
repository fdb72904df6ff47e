using System.Reflection;

namespace NetwerkLive.LoadTests.Hosting;

/// <summary>Where the server and baseline dlls are: built by this project's references, same configuration.</summary>
internal static class RepoLayout
{
    public static string Root { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string ServerProject => Path.Combine(Root, "src", "NetwerkLive.Server");

    public static string ServerDll => Dll(ServerProject, "NetwerkLive.Server");

    public static string BaselineProject => Path.Combine(Root, "loadtests", "NetwerkLive.Baseline");

    public static string BaselineDll => Dll(BaselineProject, "NetwerkLive.Baseline");

    private static string Dll(string project, string name) => Path.Combine(project, "bin", Configuration, "net10.0", name + ".dll");

    private static string Metadata(string key) =>
        typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
