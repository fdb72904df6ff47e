using Xunit.Abstractions;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>A test in the browser collection, with a <see cref="Scene"/> that closes its browsers afterwards.</summary>
[Collection(BrowserSuite.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    protected Scene Scene { get; } = new(fixture, output);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Scene.DisposeAsync();
}
