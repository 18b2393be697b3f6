using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Xuc.Actors.Configuration;

namespace Xuc.Actors.History;

/// <summary>
/// The call history table on SQLite or PostgreSQL (the configuration store's database). One writer — the recorder
/// beside the AMI singleton — upserts rows by key (call + party), so writing a row again is harmless; any node reads.
/// </summary>
public sealed class CallHistoryStore
{
    private readonly DataOptions _options;

    public CallHistoryStore(ConfigStoreOptions options) => _options = options.ToDataOptions();

    /// <summary>Migration 4: the table and the indexes each query and the retention purge use.</summary>
    internal static async Task CreateSchemaAsync(DataConnection db)
    {
        await db.CreateTableAsync<CallHistoryRow>(tableOptions: TableOptions.CheckExistence);
        await db.ExecuteAsync("CREATE INDEX IF NOT EXISTS ix_xuc_call_history_line ON xuc_call_history (line, start_ms)");
        await db.ExecuteAsync("CREATE INDEX IF NOT EXISTS ix_xuc_call_history_agent ON xuc_call_history (agent_id, start_ms)");
        await db.ExecuteAsync("CREATE INDEX IF NOT EXISTS ix_xuc_call_history_queue ON xuc_call_history (queue, start_ms)");
        await db.ExecuteAsync("CREATE INDEX IF NOT EXISTS ix_xuc_call_history_start ON xuc_call_history (start_ms)");
    }

    /// <summary>
    /// Applies the writes in one transaction. Each upserts or deletes one row by its key, so of the writes of one row
    /// only the last counts and only it is sent. Each is one fixed SQL statement (an upsert that SQLite and PostgreSQL
    /// both read, or a delete by key) with parameters: nothing for linq2db to translate per write. (Per-write linq2db
    /// upserts, whose SQL it built anew each time, took a whole core during a burst of calls; a delete of the batch's
    /// keys then a bulk insert cost less in a burst, but built a new query for each batch size, which at a steady
    /// load of small batches put ~20 ms stalls into the phone events' p99.9: README, "bench session-latency".)
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<HistoryWrite> writes)
    {
        if (writes.Count == 0) return;
        var last = new Dictionary<string, HistoryWrite>(StringComparer.Ordinal);
        foreach (var w in writes) last[w.Record.Id] = w;
        await using var db = new DataConnection(_options);
        await using var tx = await db.BeginTransactionAsync();
        foreach (var w in last.Values)
        {
            if (w.Delete) await db.ExecuteAsync(DeleteSql, new DataParameter("id", w.Record.Id, DataType.NVarChar));
            else await db.ExecuteAsync(UpsertSql, Parameters(CallHistoryRow.From(w.Record)));
        }
        await tx.CommitAsync();
    }

    private const string DeleteSql = "DELETE FROM xuc_call_history WHERE id = @id";

    private const string UpsertSql =
        "INSERT INTO xuc_call_history (id, call_id, party, start_ms, answer_ms, end_ms, src_num, src_name, dst_num, dst_name, line, queue, agent_id, status) " +
        "VALUES (@id, @call_id, @party, @start_ms, @answer_ms, @end_ms, @src_num, @src_name, @dst_num, @dst_name, @line, @queue, @agent_id, @status) " +
        "ON CONFLICT (id) DO UPDATE SET call_id = excluded.call_id, party = excluded.party, start_ms = excluded.start_ms, " +
        "answer_ms = excluded.answer_ms, end_ms = excluded.end_ms, src_num = excluded.src_num, src_name = excluded.src_name, " +
        "dst_num = excluded.dst_num, dst_name = excluded.dst_name, line = excluded.line, queue = excluded.queue, " +
        "agent_id = excluded.agent_id, status = excluded.status";

    private static DataParameter[] Parameters(CallHistoryRow r) =>
    [
        new("id", r.Id, DataType.NVarChar), new("call_id", r.CallId, DataType.NVarChar), new("party", r.Party, DataType.NVarChar),
        new("start_ms", r.StartMs, DataType.Int64), new("answer_ms", r.AnswerMs, DataType.Int64), new("end_ms", r.EndMs, DataType.Int64),
        new("src_num", r.SrcNum, DataType.NVarChar), new("src_name", r.SrcName, DataType.NVarChar),
        new("dst_num", r.DstNum, DataType.NVarChar), new("dst_name", r.DstName, DataType.NVarChar),
        new("line", r.Line, DataType.NVarChar), new("queue", r.Queue, DataType.NVarChar),
        new("agent_id", r.AgentId, DataType.NVarChar), new("status", r.Status, DataType.NVarChar),
    ];

    /// <summary>The newest rows of a line, an agent, or any of some queues (newest first).</summary>
    public Task<IReadOnlyList<CallRecord>> OfLineAsync(string line, int size) => QueryAsync(t => t.Where(r => r.Line == line), size);
    public Task<IReadOnlyList<CallRecord>> OfAgentAsync(string agentId, int size) => QueryAsync(t => t.Where(r => r.AgentId == agentId), size);
    public Task<IReadOnlyList<CallRecord>> OfQueuesAsync(IReadOnlyCollection<string> queues, int size) => QueryAsync(t => t.Where(r => queues.Contains(r.Queue!)), size);

    /// <summary>A line's rows that started at or after <paramref name="since"/> (newest first), at most <paramref name="size"/>.</summary>
    public Task<IReadOnlyList<CallRecord>> OfLineSinceAsync(string line, DateTimeOffset since, int size)
    {
        var from = since.ToUnixTimeMilliseconds();
        return QueryAsync(t => t.Where(r => r.Line == line && r.StartMs >= from), size);
    }

    /// <summary>
    /// The rows whose caller (<paramref name="srcNum"/>) and / or called number (<paramref name="dstNum"/>) is the one
    /// given, of the lines and queues named (both null: every row), newest first.
    /// </summary>
    public Task<IReadOnlyList<CallRecord>> OfNumberAsync(string? srcNum, string? dstNum, IReadOnlyCollection<string>? lines, IReadOnlyCollection<string>? queues, int size)
    {
        var all = lines is null && queues is null;
        var ls = lines ?? [];
        var qs = queues ?? [];
        return QueryAsync(t => t.Where(r => (srcNum == null || r.SrcNum == srcNum) && (dstNum == null || r.DstNum == dstNum)
            && (all || ls.Contains(r.Line!) || qs.Contains(r.Queue!))), size);
    }

    /// <summary>Deletes rows that started before <paramref name="before"/>; how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before)
    {
        var cut = before.ToUnixTimeMilliseconds();
        await using var db = new DataConnection(_options);
        return await db.GetTable<CallHistoryRow>().Where(r => r.StartMs < cut).DeleteAsync();
    }

    private async Task<IReadOnlyList<CallRecord>> QueryAsync(Func<ITable<CallHistoryRow>, IQueryable<CallHistoryRow>> filter, int size)
    {
        await using var db = new DataConnection(_options);
        var rows = await filter(db.GetTable<CallHistoryRow>()).OrderByDescending(r => r.StartMs).ThenByDescending(r => r.Id).Take(size).ToListAsync();
        return rows.Select(r => r.ToRecord()).ToList();
    }
}
