using Xuc.Actors.Configuration;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>
/// <c>import-config FILE.json --replace|--merge</c>: validates the whole file and imports it in one transaction into
/// the configured store; anything wrong is reported by object and field and nothing is changed. The mode has no
/// default: <c>--replace</c> deletes what the file lacks, so it must be asked for. Exit codes: 0 imported, 1 refused
/// (nothing changed), 2 usage.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? hoconOverrides = null)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--"));
        var modes = args.Where(a => a.StartsWith("--")).Select(a => ImportModes.Parse(a[2..])).ToList();
        if (file is null || modes.Count != 1 || modes[0] is not { } mode)
        {
            await error.WriteLineAsync("usage: import-config FILE.json --replace|--merge   (--replace: the file becomes the whole configuration, " +
                                       "objects it lacks are deleted; --merge: objects of the file replace those with the same key, others stay)");
            return 2;
        }
        try
        {
            var settings = XucSettings.From(HoconLoader.Load(hoconOverrides));
            Directory.CreateDirectory(settings.DataDir);
            ConfigSnapshot snapshot;
            using (var text = File.OpenText(file)) snapshot = ConfigFile.Parse(text);
            using var store = new ConfigStore(new ConfigStoreOptions { Provider = settings.IsPostgres ? "postgres" : "sqlite", ConnectionString = settings.EffectiveConnectionString });
            await store.MigrateAsync();
            var result = await store.ImportAsync(snapshot, mode);
            await output.WriteLineAsync($"imported {file} ({result.ModeName}): {result.Summary()}");
            return 0;
        }
        catch (EmptyImportException e)
        {
            await error.WriteLineAsync($"refused: {file}: {e.Message}");
            return 1;
        }
        catch (ConfigValidationException e)
        {
            await error.WriteLineAsync($"refused, nothing changed: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            await error.WriteLineAsync($"no such file: {file}");
            return 1;
        }
    }
}
