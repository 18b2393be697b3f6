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
    /// only the last counts: the batch's rows are deleted, then those whose last write is no delete are inserted in
    /// bulk (one statement per few hundred rows, not one upsert per write, whose SQL linq2db builds anew each time: the
    /// recorder took a whole core during a burst of calls).
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<HistoryWrite> writes)
    {
        if (writes.Count == 0) return;
        var last = new Dictionary<string, HistoryWrite>(StringComparer.Ordinal);
        foreach (var w in writes) last[w.Record.Id] = w;
        await using var db = new DataConnection(_options);
        await using var tx = await db.BeginTransactionAsync();
        foreach (var ids in last.Keys.Chunk(BatchRows))
            await db.GetTable<CallHistoryRow>().Where(r => ids.Contains(r.Id)).DeleteAsync();
        var rows = last.Values.Where(w => !w.Delete).Select(w => CallHistoryRow.From(w.Record)).ToList();
        if (rows.Count > 0)
            await db.GetTable<CallHistoryRow>().BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows, MaxBatchSize = BatchRows }, rows);
        await tx.CommitAsync();
    }

    /// <summary>Rows per statement (SQLite takes at most 32,766 parameters in one; a row has 14).</summary>
    private const int BatchRows = 500;

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
