using Xunit.Abstractions;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// A browser test with a <see cref="Scene"/> that closes its browsers afterwards. Subclasses name
/// their collection (<see cref="RoomSuite"/> or <see cref="BreakoutSuite"/>).
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    protected Scene Scene { get; } = new(fixture, output);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Scene.DisposeAsync();
}
