namespace Xuc.Tests.Support;

/// <summary>One whole server shared by the tests of a class (start-up costs seconds; the tests only read or add).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;
    public async Task InitializeAsync() => Server = await TestServer.StartAsync();
    public async Task DisposeAsync() => await Server.DisposeAsync();
}
