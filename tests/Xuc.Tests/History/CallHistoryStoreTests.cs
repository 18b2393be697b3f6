using Xuc.Actors.Configuration;
using Xuc.Actors.History;
using Xuc.Tests.Support;

namespace Xuc.Tests.History;

/// <summary>The call history table, the same checks on SQLite and PostgreSQL (docs/cti-websocket.md, "Call history").</summary>
public abstract class CallHistoryStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<ConfigStoreOptions> NewDatabase();

    private async Task<CallHistoryStore> NewStore()
    {
        var options = await NewDatabase();
        using (var config = new ConfigStore(options)) await config.MigrateAsync(); // migration 4 creates the table
        return new CallHistoryStore(options);
    }

    private static CallRecord Row(string call, string party, int startMinutes, string status, string? line = null, string? queue = null, string? agent = null, bool ended = true)
        => new(call, party, T0.AddMinutes(startMinutes), T0.AddMinutes(startMinutes).AddSeconds(4), ended ? T0.AddMinutes(startMinutes).AddSeconds(64) : null,
            "0611111111", "Caller Name", "3000", "James Bond", line, queue, agent, status);

    protected async Task Rows_are_upserted_by_call_and_party_and_read_newest_first()
    {
        var store = await NewStore();
        var ongoing = Row("c1", "line:PJSIP/1001", 0, CallStatus.Ongoing, line: "PJSIP/1001", ended: false);
        await store.WriteAsync([new HistoryWrite(ongoing)]);
        Assert.Equal([ongoing], await store.OfLineAsync("PJSIP/1001", 10));

        var final = ongoing with { End = T0.AddSeconds(64), Status = CallStatus.Answered };
        CallRecord[] others =
        [
            Row("c1", "queue:blue", 0, CallStatus.Answered, queue: "blue", agent: "1"),
            Row("c2", "line:PJSIP/1001", 5, CallStatus.Missed, line: "PJSIP/1001"),
            Row("c2", "queue:black", 5, CallStatus.Abandoned, queue: "black"),
            Row("c3", "line:PJSIP/1001", 10, CallStatus.Emitted, line: "PJSIP/1001"),
            Row("c3", "line:PJSIP/1002", 10, CallStatus.Missed, line: "PJSIP/1002"),
            Row("c4", "queue:green", 15, CallStatus.Timeout, queue: "green"),
            Row("c5", "queue:blue", 20, CallStatus.Answered, queue: "blue", agent: "1"),
        ];
        // Written twice (a batch retried after a failure): the same rows, no duplicates.
        await store.WriteAsync([new HistoryWrite(final), .. others.Select(r => new HistoryWrite(r))]);
        await store.WriteAsync([new HistoryWrite(final), .. others.Select(r => new HistoryWrite(r))]);

        Assert.Equal([others[3], others[1], final], await store.OfLineAsync("PJSIP/1001", 10));
        Assert.Equal([others[3], others[1]], await store.OfLineAsync("PJSIP/1001", 2));
        Assert.Equal([others[6], others[0]], await store.OfAgentAsync("1", 10));
        Assert.Equal([others[6], others[2], others[0]], await store.OfQueuesAsync(["blue", "black"], 10));
        Assert.Equal([others[3], others[1]], await store.OfLineSinceAsync("PJSIP/1001", T0.AddMinutes(5), 10));
        Assert.Empty(await store.OfLineAsync("PJSIP/1009", 10));

        await store.WriteAsync([new HistoryWrite(others[4], Delete: true)]);
        Assert.Empty(await store.OfLineAsync("PJSIP/1002", 10));
    }

    protected async Task A_row_written_several_times_in_one_batch_ends_as_its_last_write()
    {
        var store = await NewStore();
        var ongoing = Row("c1", "line:PJSIP/1001", 0, CallStatus.Ongoing, line: "PJSIP/1001", ended: false);
        var answered = ongoing with { End = T0.AddSeconds(64), Status = CallStatus.Answered };
        var missed = Row("c2", "line:PJSIP/1001", 5, CallStatus.Missed, line: "PJSIP/1001");
        var emitted = Row("c3", "line:PJSIP/1001", 10, CallStatus.Emitted, line: "PJSIP/1001");
        await store.WriteAsync([new HistoryWrite(emitted)]);
        // c1 changes twice; c2 is written then deleted; c3, there before, is deleted then written again.
        await store.WriteAsync(
        [
            new HistoryWrite(ongoing), new HistoryWrite(missed), new HistoryWrite(emitted, Delete: true), new HistoryWrite(answered),
            new HistoryWrite(missed, Delete: true), new HistoryWrite(emitted with { Status = CallStatus.Answered }),
        ]);
        Assert.Equal([emitted with { Status = CallStatus.Answered }, answered], await store.OfLineAsync("PJSIP/1001", 10));
    }

    protected async Task A_burst_larger_than_one_statement_is_written_whole()
    {
        var store = await NewStore();
        var rows = Enumerable.Range(0, 1_200).Select(n => Row($"c{n}", "line:PJSIP/1001", n % 50, CallStatus.Answered, line: "PJSIP/1001")).ToList();
        await store.WriteAsync(rows.Select(r => new HistoryWrite(r with { Status = CallStatus.Ongoing, End = null })).Concat(rows.Select(r => new HistoryWrite(r))).ToList());
        var read = await store.OfLineAsync("PJSIP/1001", 2_000);
        Assert.Equal(rows.OrderBy(r => r.Id, StringComparer.Ordinal), read.OrderBy(r => r.Id, StringComparer.Ordinal));
    }

    protected async Task The_purge_deletes_only_rows_older_than_the_cut()
    {
        var store = await NewStore();
        var old = Row("c1", "line:PJSIP/1001", 0, CallStatus.Missed, line: "PJSIP/1001");
        var recent = Row("c2", "line:PJSIP/1001", 60, CallStatus.Missed, line: "PJSIP/1001");
        await store.WriteAsync([new HistoryWrite(old), new HistoryWrite(recent)]);
        Assert.Equal(1, await store.PurgeAsync(T0.AddMinutes(30)));
        Assert.Equal([recent], await store.OfLineAsync("PJSIP/1001", 10));
    }

    protected async Task Each_query_has_its_index()
    {
        var options = await NewDatabase();
        using (var config = new ConfigStore(options)) await config.MigrateAsync();
        var indexes = await IndexNamesAsync(options);
        Assert.Superset(new HashSet<string> { "ix_xuc_call_history_line", "ix_xuc_call_history_agent", "ix_xuc_call_history_queue", "ix_xuc_call_history_start" },
            indexes.ToHashSet());
    }

    private static async Task<IReadOnlyList<string>> IndexNamesAsync(ConfigStoreOptions options)
    {
        await using System.Data.Common.DbConnection db = options.IsPostgres
            ? new Npgsql.NpgsqlConnection(options.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(options.ConnectionString);
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = options.IsPostgres
            ? "SELECT indexname FROM pg_indexes WHERE tablename = 'xuc_call_history'"
            : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'xuc_call_history'";
        await using var reader = await cmd.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}

public sealed class SqliteCallHistoryStoreTests : CallHistoryStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override Task<ConfigStoreOptions> NewDatabase()
        => Task.FromResult(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={_dir.File(Guid.NewGuid() + ".db")}" });

    [Fact] public Task Rows_are_upserted_by_call_and_party_and_read_newest_first_per_line_agent_and_queues() => Rows_are_upserted_by_call_and_party_and_read_newest_first();
    [Fact] public Task The_purge_deletes_rows_that_started_before_the_retention_and_keeps_the_others() => The_purge_deletes_only_rows_older_than_the_cut();
    [Fact] public Task A_row_written_several_times_in_one_batch_ends_as_its_last_write_whichever_its_order() => A_row_written_several_times_in_one_batch_ends_as_its_last_write();
    [Fact] public Task A_burst_of_1200_rows_written_twice_in_one_batch_is_read_back_whole() => A_burst_larger_than_one_statement_is_written_whole();
    [Fact] public Task The_table_has_an_index_for_each_query() => Each_query_has_its_index();

    public void Dispose() => _dir.Dispose();
}

public sealed class PostgresCallHistoryStoreTests : CallHistoryStoreContract, IAsyncLifetime
{
    private readonly List<PgDatabase> _databases = [];

    protected override async Task<ConfigStoreOptions> NewDatabase()
    {
        var db = await PgDatabase.CreateAsync();
        _databases.Add(db);
        return new ConfigStoreOptions { Provider = "postgres", ConnectionString = db.ConnectionString };
    }

    [PostgresFact] public Task Rows_are_upserted_by_call_and_party_and_read_newest_first_per_line_agent_and_queues() => Rows_are_upserted_by_call_and_party_and_read_newest_first();
    [PostgresFact] public Task The_purge_deletes_rows_that_started_before_the_retention_and_keeps_the_others() => The_purge_deletes_only_rows_older_than_the_cut();
    [PostgresFact] public Task A_row_written_several_times_in_one_batch_ends_as_its_last_write_whichever_its_order() => A_row_written_several_times_in_one_batch_ends_as_its_last_write();
    [PostgresFact] public Task A_burst_of_1200_rows_written_twice_in_one_batch_is_read_back_whole() => A_burst_larger_than_one_statement_is_written_whole();
    [PostgresFact] public Task The_table_has_an_index_for_each_query() => Each_query_has_its_index();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
