using Akka.Configuration;
using Akka.Persistence.Sql;

namespace Xuc.Host.Startup;

/// <summary>Points Akka.Persistence.Sql's journal and snapshot store at the configured database.</summary>
public static class PersistenceHocon
{
    public static Config For(string provider, string connectionString)
    {
        var linq2DbProvider = provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? "PostgreSQL.15" : "SQLite.MS";
        var cs = Quote(connectionString);
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

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
