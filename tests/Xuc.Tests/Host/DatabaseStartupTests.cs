using System.Collections.Concurrent;
using Npgsql;
using Xuc.Host.Settings;
using Xuc.Host.Startup;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

public sealed class DatabaseStartupTests
{
    [PostgresFact]
    public async Task A_database_that_comes_up_during_the_startup_timeout_is_used_once_it_answers()
    {
        await using var db = await PgDatabase.CreateAsync();
        var real = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var port = FreePort.Next();
        var late = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Host = "127.0.0.1", Port = port };
        var settings = new XucSettings { DbProvider = "postgres", DbConnectionString = late.ConnectionString, DbStartupTimeout = TimeSpan.FromSeconds(60) };
        var printed = new ConcurrentQueue<string>();

        var opening = DatabaseStartup.OpenAsync(settings, printed.Enqueue);
        await Wait.Until(() => Task.FromResult(!printed.IsEmpty), TimeSpan.FromSeconds(20), "the first refusal is reported");
        Assert.False(opening.IsCompleted, "start-up waits for the database");
        var line = Assert.Single(printed);
        Assert.StartsWith("Database not reachable yet (", line);
        Assert.DoesNotContain(real.Password!, line);

        // The database "comes up": its port now answers.
        await using var forwarder = new TcpForwarder(port, real.Host!, real.Port);
        using var store = await opening.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(await store.LoadAsync());
        Assert.Single(printed);
    }
}
