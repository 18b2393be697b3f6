using Xuc.Actors.Configuration;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>
/// <c>import-config FILE.json [--merge]</c>: validates the whole file and imports it in one transaction into the
/// configured store; anything wrong is reported by object and field and nothing is changed.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? hoconOverrides = null)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--"));
        if (file is null)
        {
            await error.WriteLineAsync("usage: import-config FILE.json [--merge]   (default: replace the whole configuration)");
            return 2;
        }
        var mode = args.Contains("--merge") ? ImportMode.Merge : ImportMode.ReplaceAll;
        try
        {
            var settings = XucSettings.From(HoconLoader.Load(hoconOverrides));
            Directory.CreateDirectory(settings.DataDir);
            var snapshot = ConfigFile.Parse(await File.ReadAllTextAsync(file));
            using var store = new ConfigStore(new ConfigStoreOptions { Provider = settings.IsPostgres ? "postgres" : "sqlite", ConnectionString = settings.EffectiveConnectionString });
            await store.MigrateAsync();
            await store.ImportAsync(snapshot, mode);
            await output.WriteLineAsync($"imported {file} ({mode}): {snapshot.Users.Count} users, {snapshot.Lines.Count} lines, {snapshot.Agents.Count} agents, {snapshot.Queues.Count} queues");
            return 0;
        }
        catch (ConfigValidationException e)
        {
            await error.WriteLineAsync($"refused, nothing changed: {e.Message}");
            return 1;
        }
        catch (FileNotFoundException)
        {
            await error.WriteLineAsync($"no such file: {file}");
            return 1;
        }
    }
}
