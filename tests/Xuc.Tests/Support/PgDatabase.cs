using Npgsql;

namespace Xuc.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL database on the server named by XUC_TEST_PG (build.sh test starts one and sets it),
/// dropped on dispose, so PostgreSQL tests never see each other's tables.
/// </summary>
public sealed class PgDatabase : IAsyncDisposable
{
    private readonly string _admin;
    public string Name { get; }
    public string ConnectionString { get; }

    private PgDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("XUC_TEST_PG");

    public static async Task<PgDatabase> CreateAsync()
    {
        var admin = ServerConnectionString ?? throw new InvalidOperationException("XUC_TEST_PG is not set");
        var name = "xuc_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        return new PgDatabase(admin, name, cs);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var c = new NpgsqlConnection(_admin);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Left behind on a server that went away; the name is unique, nothing else depends on it.
        }
    }
}
