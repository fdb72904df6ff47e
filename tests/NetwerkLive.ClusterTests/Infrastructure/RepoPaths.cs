using System.Reflection;

namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>Where the server this test build goes with lives: same repository, same configuration.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, as this test assembly was built; the server project was built the same way.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
        ?? throw new InvalidOperationException("The test assembly has no AssemblyConfigurationAttribute, so the server's build folder is unknown.");

    public static string ServerContentRoot => Path.Combine(Root, "src", "NetwerkLive.Server");

    public static string ServerDll
    {
        get
        {
            var dll = Path.Combine(ServerContentRoot, "bin", Configuration, "net10.0", "NetwerkLive.Server.dll");
            return File.Exists(dll)
                ? dll
                : throw new FileNotFoundException($"The server is not built: {dll} does not exist. Build the solution with -c {Configuration} first.", dll);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetwerkLive.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No NetwerkLive.sln above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }
}
