using Xuc.Actors.Configuration;
using Xuc.Host.Startup;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>`import-config FILE.json` (./build.sh import): whole file or nothing.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string Overrides => $"xuc.data-dir = \"{_dir.Path}\"";

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ImportCommand.RunAsync(args, output, error, Overrides);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_good_file_is_imported_and_a_bad_one_changes_nothing()
    {
        var good = _dir.File("good.json");
        await File.WriteAllTextAsync(good, ConfigFile.Write(DemoDataset.Create()));
        var (code, output, _) = await Run(good);
        Assert.Equal(0, code);
        Assert.Contains("13 users, 12 lines, 10 agents, 3 queues", output);

        var bad = _dir.File("bad.json");
        await File.WriteAllTextAsync(bad, "{\"queues\":[{\"id\":1,\"name\":\"sales\",\"number\":\"3000\"}],\"agents\":[{\"id\":1,\"number\":\"2001\",\"groupId\":9}]}");
        (code, _, var error) = await Run(bad);
        Assert.Equal(1, code);
        Assert.Contains("refused, nothing changed: agent 1: groupId 9 does not exist", error);

        await File.WriteAllTextAsync(bad, "{\"users\": [");
        (code, _, error) = await Run(bad);
        Assert.Equal(1, code);
        Assert.Contains("malformed configuration file", error);

        using var store = new ConfigStore(new ConfigStoreOptions { ConnectionString = $"Data Source={_dir.File("xuc.db")}" });
        Assert.Equal(13, (await store.LoadAsync()).Users.Count);
        Assert.Equal(2, (await Run()).Code);
    }

    public void Dispose() => _dir.Dispose();
}
