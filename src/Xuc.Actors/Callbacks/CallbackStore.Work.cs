using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;

namespace Xuc.Actors.Callbacks;

/// <summary>What became of an agent's take, release, start or ticket update.</summary>
public enum CallbackOutcome { Done, NotFound, Closed, TakenByOther, NotTaken, NotYours }

/// <summary>An outcome and the request (or ticket) it is about, as it now is.</summary>
public sealed record CallbackResult(CallbackOutcome Outcome, CallbackRequest? Request, CallbackTicket? Ticket = null)
{
    public bool Done => Outcome == CallbackOutcome.Done;
}

public sealed partial class CallbackStore
{
    /// <summary>
    /// <paramref name="agentId"/> takes a request: one UPDATE that changes it only if it is open and nobody holds
    /// it. Taking one's own request again is done (nothing changes).
    /// </summary>
    public async Task<CallbackResult> TakeAsync(string uuid, int agentId)
    {
        await using var db = Open();
        var changed = await db.GetTable<CallbackRequestRow>()
            .Where(r => r.Uuid == uuid && r.AgentId == null && !r.Clotured)
            .Set(r => r.AgentId, agentId).UpdateAsync();
        var now = await db.GetTable<CallbackRequestRow>().FirstOrDefaultAsync(r => r.Uuid == uuid);
        if (now is null) return new(CallbackOutcome.NotFound, null);
        if (changed == 1 || now.AgentId == agentId && !now.Clotured) return new(CallbackOutcome.Done, now.ToModel());
        return new(now.Clotured ? CallbackOutcome.Closed : CallbackOutcome.TakenByOther, now.ToModel());
    }

    /// <summary>The agent holding a request lets it go (one UPDATE conditional on his holding it).</summary>
    public async Task<CallbackResult> ReleaseAsync(string uuid, int agentId)
    {
        await using var db = Open();
        var changed = await db.GetTable<CallbackRequestRow>()
            .Where(r => r.Uuid == uuid && r.AgentId == agentId && !r.Clotured)
            .Set(r => r.AgentId, (int?)null).UpdateAsync();
        var now = await db.GetTable<CallbackRequestRow>().FirstOrDefaultAsync(r => r.Uuid == uuid);
        if (now is null) return new(CallbackOutcome.NotFound, null);
        if (changed == 1) return new(CallbackOutcome.Done, now.ToModel());
        return new(now.Clotured ? CallbackOutcome.Closed : now.AgentId is null ? CallbackOutcome.NotTaken : CallbackOutcome.NotYours, now.ToModel());
    }

    /// <summary>Releases every open request an agent holds (his logout, his disconnection); those this call released.</summary>
    public async Task<IReadOnlyList<CallbackRequest>> ReleaseAllOfAsync(int agentId)
    {
        await using var db = Open();
        var held = await db.GetTable<CallbackRequestRow>().Where(r => r.AgentId == agentId && !r.Clotured).ToListAsync();
        var released = new List<CallbackRequest>();
        foreach (var row in held)
        {
            var uuid = row.Uuid;
            if (await db.GetTable<CallbackRequestRow>().Where(r => r.Uuid == uuid && r.AgentId == agentId && !r.Clotured)
                    .Set(r => r.AgentId, (int?)null).UpdateAsync() == 1)
                released.Add(row.ToModel() with { AgentId = null });
        }
        return released;
    }

    /// <summary>The holder starts his request: a ticket opens (status empty until he updates it).</summary>
    public async Task<CallbackResult> StartAsync(string uuid, int agentId, string number)
    {
        await using var db = Open();
        if (await db.GetTable<CallbackRequestRow>().FirstOrDefaultAsync(r => r.Uuid == uuid) is not { } row) return new(CallbackOutcome.NotFound, null);
        if (row.Clotured) return new(CallbackOutcome.Closed, row.ToModel());
        if (row.AgentId != agentId) return new(row.AgentId is null ? CallbackOutcome.NotTaken : CallbackOutcome.NotYours, row.ToModel());
        var now = NowMs;
        var ticket = new CallbackTicketRow
        {
            Uuid = NewUuid(), RequestUuid = uuid, ListUuid = row.ListUuid, AgentId = agentId, PhoneNumber = number,
            StartedMs = now, LastUpdateMs = now,
        };
        await db.InsertAsync(ticket);
        return new(CallbackOutcome.Done, row.ToModel(), ticket.ToModel());
    }

    /// <summary>
    /// The agent of a ticket gives its outcome. A closing status closes the request; <c>Callback</c> releases it,
    /// with the new due date and period when given (checked by the caller). Both in one transaction.
    /// </summary>
    public async Task<CallbackResult> UpdateTicketAsync(string ticketUuid, int agentId, string status, string comment, string? dueDate, string? periodUuid)
    {
        await using var db = Open();
        await using var tx = await db.BeginTransactionAsync();
        if (await db.GetTable<CallbackTicketRow>().FirstOrDefaultAsync(t => t.Uuid == ticketUuid) is not { } ticket) return new(CallbackOutcome.NotFound, null);
        if (ticket.AgentId != agentId) return new(CallbackOutcome.NotYours, null, ticket.ToModel());
        if (await db.GetTable<CallbackRequestRow>().FirstOrDefaultAsync(r => r.Uuid == ticket.RequestUuid) is not { } request)
            return new(CallbackOutcome.NotFound, null, ticket.ToModel());
        if (request.Clotured) return new(CallbackOutcome.Closed, request.ToModel(), ticket.ToModel());
        if (periodUuid is not null && !await db.GetTable<PreferredPeriodRow>().AnyAsync(p => p.Uuid == periodUuid))
            throw new CallbackValidationException($"no preferred period '{CallbackRules.Cut(periodUuid)}'");
        ticket.Status = status;
        ticket.Comment = comment;
        ticket.LastUpdateMs = NowMs;
        await db.UpdateAsync(ticket);
        if (CallbackStatuses.Closes(status)) request.Clotured = true;
        else
        {
            request.AgentId = null;
            if (dueDate is not null) request.DueDate = dueDate;
            if (periodUuid is not null) request.PeriodUuid = periodUuid;
        }
        if (!string.IsNullOrEmpty(comment)) request.Description = comment.Length > CallbackRules.MaxDescription ? comment[..CallbackRules.MaxDescription] : comment;
        await db.UpdateAsync(request);
        await tx.CommitAsync();
        return new(CallbackOutcome.Done, request.ToModel(), ticket.ToModel());
    }

    /// <summary>Tickets started from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first; of one list when given.</summary>
    public async Task<IReadOnlyList<CallbackTicket>> TicketsAsync(string? listUuid, DateTimeOffset? from, DateTimeOffset? to)
    {
        await using var db = Open();
        var q = db.GetTable<CallbackTicketRow>().AsQueryable();
        if (listUuid is not null) q = q.Where(t => t.ListUuid == listUuid);
        if (from is { } f) { var ms = f.ToUnixTimeMilliseconds(); q = q.Where(t => t.StartedMs >= ms); }
        if (to is { } e) { var ms = e.ToUnixTimeMilliseconds(); q = q.Where(t => t.StartedMs < ms); }
        return (await q.OrderBy(t => t.StartedMs).ThenBy(t => t.Uuid).ToListAsync()).Select(t => t.ToModel()).ToList();
    }

    /// <summary>
    /// Open requests nobody holds whose time has come: due before <paramref name="today"/>, or due today with a
    /// period that started at or before <paramref name="timeOfDay"/> (no period: the day started it).
    /// </summary>
    public async Task<IReadOnlyList<CallbackRequest>> OverdueAsync(string today, string timeOfDay)
    {
        await using var db = Open();
        var rows = await (from r in db.GetTable<CallbackRequestRow>()
                          from p in db.GetTable<PreferredPeriodRow>().LeftJoin(p => p.Uuid == r.PeriodUuid)
                          where !r.Clotured && r.AgentId == null
                                && (string.Compare(r.DueDate, today) < 0
                                    || r.DueDate == today && (p.Uuid == null || string.Compare(p.PeriodStart, timeOfDay) <= 0))
                          orderby r.DueDate, r.CreatedMs
                          select r).ToListAsync();
        return rows.Select(r => r.ToModel()).ToList();
    }
}
