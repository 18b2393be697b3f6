using Xuc.Actors.Callbacks;
using Xuc.Actors.Configuration;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>
/// <c>import-callbacks LIST FILE.csv</c>: imports callback requests into the list (its uuid or its name), all or
/// nothing; every bad line is reported by number and nothing is written. Exit codes: 0 imported, 1 refused, 2 usage.
/// </summary>
public static class ImportCallbacksCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? hoconOverrides = null)
    {
        if (args.Length != 2)
        {
            await error.WriteLineAsync("usage: import-callbacks LIST FILE.csv   (LIST: the callback list's uuid or name; docs/callbacks.md, \"CSV import\")");
            return 2;
        }
        var (listName, file) = (args[0], args[1]);
        try
        {
            var settings = XucSettings.From(HoconLoader.Load(hoconOverrides));
            Directory.CreateDirectory(settings.DataDir);
            using (var config = new ConfigStore(new ConfigStoreOptions { Provider = settings.IsPostgres ? "postgres" : "sqlite", ConnectionString = settings.EffectiveConnectionString }))
                await config.MigrateAsync();
            var store = CallbackWiring.Store(settings, TimeProvider.System);
            var lists = await store.ListsAsync();
            var list = lists.FirstOrDefault(l => l.Uuid == listName) ?? lists.SingleOrDefault(l => string.Equals(l.Name, listName, StringComparison.OrdinalIgnoreCase));
            if (list is null)
            {
                await error.WriteLineAsync($"refused: no callback list '{listName}' (by uuid or name); the lists are: " +
                                           (lists.Count == 0 ? "none" : string.Join(", ", lists.Select(l => $"{l.Name} ({l.Uuid})"))));
                return 1;
            }
            using var text = File.OpenText(file);
            var added = await store.ImportCsvAsync(list.Uuid, text);
            await output.WriteLineAsync($"imported {added.Count} callback requests from {file} into {list.Name} ({list.Uuid})");
            return 0;
        }
        catch (CallbackValidationException e)
        {
            await error.WriteLineAsync($"refused, nothing imported from {file}: {e.Errors.Count} error{(e.Errors.Count == 1 ? "" : "s")}");
            foreach (var line in e.Errors) await error.WriteLineAsync("  " + line);
            return 1;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            await error.WriteLineAsync($"no such file: {file}");
            return 1;
        }
    }
}
