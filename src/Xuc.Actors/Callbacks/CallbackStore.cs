using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Xuc.Actors.Configuration;

namespace Xuc.Actors.Callbacks;

/// <summary>
/// Callback lists, preferred periods, requests and tickets on SQLite or PostgreSQL (the configuration store's database,
/// schema step 10). The database is the one writer of a request's owner: a take is one conditional UPDATE (only a request
/// nobody holds and still open changes hands), so of two agents taking at once on any nodes exactly one gets it.
/// </summary>
public sealed partial class CallbackStore(ConfigStoreOptions options, TimeProvider clock)
{
    private readonly DataOptions _options = options.ToDataOptions();

    public TimeProvider Clock { get; } = clock;

    private DataConnection Open() => new(_options);

    /// <summary>Migration 9: the four tables and the indexes the lists, the takes and the exports read by.</summary>
    internal static async Task CreateSchemaAsync(DataConnection db)
    {
        await db.CreateTableAsync<CallbackListRow>(tableOptions: TableOptions.CheckExistence);
        await db.CreateTableAsync<PreferredPeriodRow>(tableOptions: TableOptions.CheckExistence);
        await db.CreateTableAsync<CallbackRequestRow>(tableOptions: TableOptions.CheckExistence);
        await db.CreateTableAsync<CallbackTicketRow>(tableOptions: TableOptions.CheckExistence);
        await db.ExecuteAsync("CREATE INDEX IF NOT EXISTS ix_xuc_callback_requests_list ON xuc_callback_requests (list_uuid, clotured, due_date)");
        await db.ExecuteAsync("CREATE INDEX IF NOT EXISTS ix_xuc_callback_requests_agent ON xuc_callback_requests (agent_id)");
        await db.ExecuteAsync("CREATE INDEX IF NOT EXISTS ix_xuc_callback_tickets_request ON xuc_callback_tickets (request_uuid)");
    }

    public static string NewUuid() => Guid.NewGuid().ToString();

    private long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    // ---- lists

    public async Task<IReadOnlyList<CallbackList>> ListsAsync()
    {
        await using var db = Open();
        return (await db.GetTable<CallbackListRow>().OrderBy(l => l.Name).ThenBy(l => l.Uuid).ToListAsync()).Select(l => l.ToModel()).ToList();
    }

    public async Task<CallbackList?> ListAsync(string uuid)
    {
        await using var db = Open();
        return (await db.GetTable<CallbackListRow>().FirstOrDefaultAsync(l => l.Uuid == uuid))?.ToModel();
    }

    /// <summary>Creates or replaces a list; its queue must be one of <paramref name="queueIds"/>. True when created.</summary>
    public async Task<bool> UpsertListAsync(CallbackList list, IReadOnlySet<int> queueIds)
    {
        if (CallbackRules.ListError(list, queueIds) is { } error) throw new CallbackValidationException(error);
        await using var db = Open();
        var created = await db.GetTable<CallbackListRow>().Where(l => l.Uuid == list.Uuid).DeleteAsync() == 0;
        await db.InsertAsync(CallbackListRow.From(list));
        return created;
    }

    /// <summary>Deletes a list and its requests (their tickets are kept for the export). False when there is none.</summary>
    public async Task<bool> DeleteListAsync(string uuid)
    {
        await using var db = Open();
        await using var tx = await db.BeginTransactionAsync();
        if (await db.GetTable<CallbackListRow>().Where(l => l.Uuid == uuid).DeleteAsync() == 0) return false;
        await db.GetTable<CallbackRequestRow>().Where(r => r.ListUuid == uuid).DeleteAsync();
        await tx.CommitAsync();
        return true;
    }

    // ---- periods

    public async Task<IReadOnlyList<PreferredPeriod>> PeriodsAsync()
    {
        await using var db = Open();
        return (await db.GetTable<PreferredPeriodRow>().OrderBy(p => p.PeriodStart).ThenBy(p => p.Name).ToListAsync()).Select(p => p.ToModel()).ToList();
    }

    /// <summary>Creates or replaces a period; a default one makes the others not default. True when created.</summary>
    public async Task<bool> UpsertPeriodAsync(PreferredPeriod period)
    {
        if (CallbackRules.PeriodError(period) is { } error) throw new CallbackValidationException(error);
        await using var db = Open();
        await using var tx = await db.BeginTransactionAsync();
        var others = await db.GetTable<PreferredPeriodRow>().Where(p => p.Uuid != period.Uuid).Select(p => p.Name).ToListAsync();
        if (others.Any(n => string.Equals(n, period.Name, StringComparison.OrdinalIgnoreCase)))
            throw new CallbackValidationException($"a preferred period named '{CallbackRules.Cut(period.Name)}' exists already (a CSV names periods by name)");
        var created = await db.GetTable<PreferredPeriodRow>().Where(p => p.Uuid == period.Uuid).DeleteAsync() == 0;
        if (period.Default) await db.GetTable<PreferredPeriodRow>().Set(p => p.IsDefault, false).UpdateAsync();
        await db.InsertAsync(PreferredPeriodRow.From(period));
        await tx.CommitAsync();
        return created;
    }

    /// <summary>Deletes a period; the requests that preferred it have no period any more. False when there is none.</summary>
    public async Task<bool> DeletePeriodAsync(string uuid)
    {
        await using var db = Open();
        await using var tx = await db.BeginTransactionAsync();
        if (await db.GetTable<PreferredPeriodRow>().Where(p => p.Uuid == uuid).DeleteAsync() == 0) return false;
        await db.GetTable<CallbackRequestRow>().Where(r => r.PeriodUuid == uuid).Set(r => r.PeriodUuid, (string?)null).UpdateAsync();
        await tx.CommitAsync();
        return true;
    }

    // ---- requests

    public async Task<CallbackRequest?> RequestAsync(string uuid)
    {
        await using var db = Open();
        return (await db.GetTable<CallbackRequestRow>().FirstOrDefaultAsync(r => r.Uuid == uuid))?.ToModel();
    }

    /// <summary>The open requests of some lists, by due date then creation.</summary>
    public async Task<IReadOnlyList<CallbackRequest>> OpenRequestsAsync(IReadOnlyCollection<string> listUuids)
    {
        await using var db = Open();
        var rows = await db.GetTable<CallbackRequestRow>().Where(r => listUuids.Contains(r.ListUuid) && !r.Clotured)
            .OrderBy(r => r.DueDate).ThenBy(r => r.CreatedMs).ThenBy(r => r.Uuid).ToListAsync();
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <summary>Every request of a list, closed ones too (the admin API).</summary>
    public async Task<IReadOnlyList<CallbackRequest>> RequestsOfListAsync(string listUuid)
    {
        await using var db = Open();
        var rows = await db.GetTable<CallbackRequestRow>().Where(r => r.ListUuid == listUuid)
            .OrderBy(r => r.DueDate).ThenBy(r => r.CreatedMs).ThenBy(r => r.Uuid).ToListAsync();
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <summary>
    /// Adds requests to a list in one transaction, each checked first: the list must exist, and a request without a
    /// period gets the default one. Any error refuses them all, each error prefixed by <paramref name="label"/>'s
    /// name for the request (a CSV line number, say).
    /// </summary>
    public async Task<IReadOnlyList<CallbackRequest>> AddRequestsAsync(string listUuid, IReadOnlyList<CallbackRequest> requests, Func<int, string>? label = null)
    {
        await using var db = Open();
        if (await db.GetTable<CallbackListRow>().FirstOrDefaultAsync(l => l.Uuid == listUuid) is null)
            throw new CallbackValidationException($"no callback list '{CallbackRules.Cut(listUuid)}'");
        var periods = await db.GetTable<PreferredPeriodRow>().ToListAsync();
        var known = periods.Select(p => p.Uuid).ToHashSet();
        var byDefault = periods.FirstOrDefault(p => p.IsDefault)?.Uuid;
        var errors = new List<string>();
        var written = new List<CallbackRequest>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i] with
            {
                Uuid = string.IsNullOrEmpty(requests[i].Uuid) ? NewUuid() : requests[i].Uuid, ListUuid = listUuid,
                PhoneNumber = CallbackRules.CleanNumber(requests[i].PhoneNumber), MobilePhoneNumber = CallbackRules.CleanNumber(requests[i].MobilePhoneNumber),
                PeriodUuid = requests[i].PeriodUuid ?? byDefault, AgentId = null, Clotured = false,
            };
            var where = label?.Invoke(i);
            errors.AddRange(CallbackRules.RequestErrors(r, known).Select(e => where is null ? e : $"{where}: {e}"));
            written.Add(r);
        }
        if (errors.Count > 0) throw new CallbackValidationException(errors);
        var now = NowMs;
        await using var tx = await db.BeginTransactionAsync();
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, written.Select((r, i) => CallbackRequestRow.From(r, now + i)));
        await tx.CommitAsync();
        return written;
    }

    /// <summary>Replaces a request's details (who to call, when), keeping its list, owner and state; null when there is none.</summary>
    public async Task<CallbackRequest?> UpdateRequestAsync(CallbackRequest given)
    {
        await using var db = Open();
        if (await db.GetTable<CallbackRequestRow>().FirstOrDefaultAsync(r => r.Uuid == given.Uuid) is not { } row) return null;
        var known = (await db.GetTable<PreferredPeriodRow>().Select(p => p.Uuid).ToListAsync()).ToHashSet();
        var next = given with
        {
            ListUuid = row.ListUuid, AgentId = row.AgentId, Clotured = row.Clotured,
            PhoneNumber = CallbackRules.CleanNumber(given.PhoneNumber), MobilePhoneNumber = CallbackRules.CleanNumber(given.MobilePhoneNumber),
        };
        var errors = CallbackRules.RequestErrors(next, known).ToList();
        if (errors.Count > 0) throw new CallbackValidationException(errors);
        await db.UpdateAsync(CallbackRequestRow.From(next, row.CreatedMs));
        return next;
    }

    public async Task<bool> DeleteRequestAsync(string uuid)
    {
        await using var db = Open();
        return await db.GetTable<CallbackRequestRow>().Where(r => r.Uuid == uuid).DeleteAsync() > 0;
    }
}
