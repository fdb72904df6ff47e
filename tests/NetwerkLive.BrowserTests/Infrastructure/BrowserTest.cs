using Xunit.Abstractions;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// A browser test with a <see cref="Scene"/> that closes its browsers afterwards and then fails the test
/// if any page had a script error or logged a console error on the way, whatever the test checked.
/// Subclasses name their collection (<see cref="RoomSuite"/> or <see cref="BreakoutSuite"/>).
/// </summary>
/// <param name="server">A server of the test's own, see <see cref="Scene"/>.</param>
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output, Uri? server = null) : IAsyncLifetime
{
    protected Scene Scene { get; } = new(fixture, output, server);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Read before the pages close: what a page says while it is torn down is not the test's doing.
        var errors = Scene.Errors();
        await Scene.DisposeAsync();
        Assert.True(errors.Count == 0, $"The pages reported {errors.Count} error(s) during the test:\n{string.Join("\n", errors)}");
    }
}
