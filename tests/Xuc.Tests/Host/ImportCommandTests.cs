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
        var (code, output, _) = await Run(good, "--replace");
        Assert.Equal(0, code);
        Assert.Contains("(replace): added 13 users, 12 lines, 10 agents, 3 queues, 2 agentgroups, 3 rightprofiles, 6 userstatuses, 12 contacts; updated none; deleted none", output);

        var bad = _dir.File("bad.json");
        await File.WriteAllTextAsync(bad, "{\"queues\":[{\"id\":1,\"name\":\"sales\",\"number\":\"3000\"}],\"agents\":[{\"id\":1,\"number\":\"2001\",\"groupId\":9}]}");
        (code, _, var error) = await Run(bad, "--replace");
        Assert.Equal(1, code);
        Assert.StartsWith("refused, nothing changed: ", error);
        Assert.Contains("agent 1: groupId 9 does not exist", error);

        await File.WriteAllTextAsync(bad, "{\"users\": [");
        (code, _, error) = await Run(bad, "--merge");
        Assert.Equal(1, code);
        Assert.Contains("malformed configuration file", error);

        using var store = new ConfigStore(new ConfigStoreOptions { ConnectionString = $"Data Source={_dir.File("xuc.db")}" });
        Assert.Equal(13, (await store.LoadAsync()).Users.Count);
        Assert.Equal(2, (await Run()).Code);
    }

    [Fact]
    public async Task An_empty_file_a_missing_mode_or_no_administrator_exits_non_zero_with_one_line()
    {
        var file = _dir.File("config.json");
        await File.WriteAllTextAsync(file, ConfigFile.Write(DemoDataset.Create()));
        Assert.Equal(0, (await Run(file, "--replace")).Code);

        var (code, _, error) = await Run(file);
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("--replace|--merge", error);
        Assert.Equal(2, (await Run(file, "--replace", "--merge")).Code);

        foreach (var empty in new[] { "{}", "" })
        {
            await File.WriteAllTextAsync(file, empty);
            (code, _, error) = await Run(file, "--replace");
            Assert.Equal(1, code);
            Assert.Equal($"refused: {file}: the import holds no configuration object (an empty body, null, {{}} or only empty lists); nothing was changed", error.Trim());
        }

        var demo = DemoDataset.Create();
        await File.WriteAllTextAsync(file, ConfigFile.Write(demo with { Users = [.. demo.Users.Where(u => u.Login != "admin")] }));
        (code, _, error) = await Run(file, "--replace");
        Assert.Equal(1, code);
        Assert.Equal($"refused, nothing changed: {ConfigValidator.NoAdministrator}", error.Trim());

        using var store = new ConfigStore(new ConfigStoreOptions { ConnectionString = $"Data Source={_dir.File("xuc.db")}" });
        Assert.Contains((await store.LoadAsync()).Users, u => u.Login == "admin");
    }

    public void Dispose() => _dir.Dispose();
}
