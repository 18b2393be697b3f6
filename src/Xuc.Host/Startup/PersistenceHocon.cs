using Akka.Configuration;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace Xuc.Host.Startup;

/// <summary>Points Akka.Persistence.Sql's journal and snapshot store at the configured database.</summary>
public static class PersistenceHocon
{
    public static Config For(string provider, string connectionString)
    {
        var postgres = provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
        var linq2DbProvider = postgres ? "PostgreSQL.15" : "SQLite.MS";
        var cs = Quote(postgres ? connectionString : EventsDatabase(connectionString));
        var text = $@"
akka.persistence.journal.sql {{
  connection-string = {cs}
  provider-name = ""{linq2DbProvider}""
}}
akka.persistence.snapshot-store.sql {{
  connection-string = {cs}
  provider-name = ""{linq2DbProvider}""
}}";
        return ConfigurationFactory.ParseString(text).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>
    /// On SQLite the journal and snapshots live in their own file beside the configuration store (<c>xuc.db</c> →
    /// <c>xuc-events.db</c>, in WAL mode). SQLite takes one writer per file, and Microsoft.Data.Sqlite answers a writer that
    /// finds the file locked by sleeping 150 ms before it retries: sharing one file with the store's and the call
    /// history's writes made the statistics wait for that (<c>./build.sh bench stats</c>, README).
    /// </summary>
    public static string EventsDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory) return connectionString;
        var extension = Path.GetExtension(file);
        builder.DataSource = Path.Combine(Path.GetDirectoryName(file) ?? "", Path.GetFileNameWithoutExtension(file) + "-events" + (extension.Length > 0 ? extension : ".db"));
        using (var connection = new SqliteConnection(builder.ToString()))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            wal.ExecuteNonQuery();
        }
        return builder.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
