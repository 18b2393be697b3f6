using System.Data.Common;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xuc.Actors.Configuration;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>
/// Opens the configuration store at start-up: the connection string is checked first (a <see cref="SettingError"/>),
/// a database that refuses connections (not up yet, unknown host) is retried until XUC_DB_STARTUP_TIMEOUT, and a
/// refused login fails at once. Every message shows the connection string with its password masked.
/// </summary>
public static partial class DatabaseStartup
{
    private const string Env = "XUC_DB_CONNECTION";

    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*(""[^""]*""|'[^']*'|[^;]*)")]
    private static partial Regex PasswordPart();

    /// <summary>The connection string with any password replaced by <c>***</c>, even when it does not parse.</summary>
    public static string Mask(string connectionString) => PasswordPart().Replace(connectionString, "$1=***");

    public static async Task<ConfigStore> OpenAsync(XucSettings settings, Action<string>? print, CancellationToken ct = default)
    {
        var cs = settings.EffectiveConnectionString;
        var shown = Mask(cs);
        try
        {
            DbConnectionStringBuilder parsed = settings.IsPostgres ? new NpgsqlConnectionStringBuilder(cs) : new SqliteConnectionStringBuilder(cs);
            _ = parsed.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new SettingError(Env, "xuc.database.connection-string", shown, $"not a valid {(settings.IsPostgres ? "PostgreSQL" : "SQLite")} connection string ({e.Message})");
        }

        var deadline = DateTime.UtcNow + settings.DbStartupTimeout;
        var told = false;
        while (true)
        {
            var store = new ConfigStore(new ConfigStoreOptions { Provider = settings.IsPostgres ? "postgres" : "sqlite", ConnectionString = cs });
            try
            {
                await store.MigrateAsync();
                return store;
            }
            catch (Exception e) when (e is DbException or SocketException or InvalidOperationException or TimeoutException)
            {
                store.Dispose();
                var reason = Describe(e);
                if (!IsNotUpYet(e))
                    throw new StartupError(StartupError.DatabaseUnavailable, $"{Env}={shown}: the database refused us: {reason}");
                if (DateTime.UtcNow >= deadline)
                    throw new StartupError(StartupError.DatabaseUnavailable,
                        $"{Env}={shown}: the database did not answer within {settings.DbStartupTimeout.TotalSeconds:0.###} s (XUC_DB_STARTUP_TIMEOUT): {reason}");
                if (!told)
                {
                    print?.Invoke($"Database not reachable yet ({reason}); retrying for up to {settings.DbStartupTimeout.TotalSeconds:0.###} s (XUC_DB_STARTUP_TIMEOUT)");
                    told = true;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    /// <summary>Refused, unreachable, unknown host, timed out: worth waiting for. A refused login or a missing database is not.</summary>
    private static bool IsNotUpYet(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState is "57P03" or "53300", // the database system is starting up; too many connections
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } => true,
        NpgsqlException n => n.IsTransient,
        SocketException or TimeoutException => true,
        _ => false,
    };

    private static string Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is not null && root is not PostgresException) root = root.InnerException;
        return root is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : root.Message;
    }
}
