using Microsoft.Data.Sqlite;
using Xuc.Host.Startup;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>Where Akka.Persistence.Sql's journal and snapshots are kept (docs/configuration-store.md, "Files").</summary>
public sealed class PersistenceHoconTests
{
    [Fact]
    public void On_sqlite_the_journal_and_snapshots_get_their_own_wal_file_beside_the_store()
    {
        using var dir = new TempDirectory();
        var store = $"Data Source={dir.File("xuc.db")}";
        var config = PersistenceHocon.For("sqlite", store);

        var expected = new SqliteConnectionStringBuilder { DataSource = dir.File("xuc-events.db") }.ToString();
        Assert.Equal(expected, config.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal(expected, config.GetString("akka.persistence.snapshot-store.sql.connection-string"));
        Assert.Equal("SQLite.MS", config.GetString("akka.persistence.journal.sql.provider-name"));
        Assert.False(File.Exists(dir.File("xuc.db")));
        using var events = new SqliteConnection(expected);
        events.Open();
        using var mode = events.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)mode.ExecuteScalar());
    }

    [Fact]
    public void An_in_memory_sqlite_database_and_postgresql_keep_the_connection_string_they_were_given()
    {
        const string memory = "Data Source=xuc;Mode=Memory;Cache=Shared";
        Assert.Equal(memory, PersistenceHocon.For("sqlite", memory).GetString("akka.persistence.journal.sql.connection-string"));
        const string postgres = "Host=127.0.0.1;Port=5432;Username=xuc;Password=xuc;Database=xuc";
        var config = PersistenceHocon.For("postgres", postgres);
        Assert.Equal(postgres, config.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal("PostgreSQL.15", config.GetString("akka.persistence.journal.sql.provider-name"));
    }
}
