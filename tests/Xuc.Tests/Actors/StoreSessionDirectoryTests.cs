using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions;
using Xuc.Tests.Support;

namespace Xuc.Tests.Actors;

/// <summary>The sessions' view of the configuration store (docs/cti-websocket.md, memory per session).</summary>
public sealed class StoreSessionDirectoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sessions_share_one_status_list_until_the_configuration_changes_then_see_the_new_one()
    {
        using var store = new ConfigStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={_dir.File("dir.db")}" });
        await store.MigrateAsync();
        await store.SeedIfEmptyAsync(DemoDataset.Create());
        var directory = new StoreSessionDirectory(store);

        var first = (await directory.FindAsync("jbond"))!;
        var second = (await directory.FindAsync("bob"))!;
        Assert.Same(first.Statuses, second.Statuses);
        Assert.Equal(DemoDataset.Create().UserStatuses.Select(s => s.Name).Order(), first.Statuses.Select(s => s.Name).Order());

        await store.UpsertAsync(ConfigKinds.UserStatus, new UserStatus { Name = "training", LongName = "In training", Color = "#00FF00" });
        var after = (await directory.FindAsync("jbond"))!;
        Assert.NotSame(first.Statuses, after.Statuses);
        Assert.Contains(after.Statuses, s => s is { Name: "training", LongName: "In training", Color: "#00FF00" });
        Assert.Equal(first.Statuses.Count + 1, after.Statuses.Count);
    }
}
