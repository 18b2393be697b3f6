using Xuc.Actors.Callbacks;
using Xuc.Actors.Configuration;

namespace Xuc.Tests.Callbacks;

/// <summary>The callback store's rules, run on SQLite and on PostgreSQL (each test its own database).</summary>
public abstract class CallbackStoreContract
{
    protected abstract Task<ConfigStoreOptions> NewDatabase();

    protected static readonly IReadOnlySet<int> Queues = new HashSet<int> { 1, 2, 3 };

    /// <summary>A migrated database with a list of queue 1 holding one request; the store and the request.</summary>
    protected async Task<(CallbackStore Store, ConfigStoreOptions Options, CallbackRequest Request)> WithOneRequest()
    {
        var options = await NewDatabase();
        using (var config = new ConfigStore(options)) await config.MigrateAsync();
        var store = new CallbackStore(options, TimeProvider.System);
        await store.UpsertListAsync(new CallbackList("list-1", "Sales callbacks", 1), Queues);
        var added = await store.AddRequestsAsync("list-1", [new CallbackRequest { PhoneNumber = "0230210082", FirstName = "Alice", DueDate = "2026-12-07" }]);
        return (store, options, added[0]);
    }

    protected async Task Of_many_agents_taking_one_request_at_once_exactly_one_gets_it()
    {
        var (_, options, request) = await WithOneRequest();
        // Eight stores on one database: eight nodes.
        var nodes = Enumerable.Range(0, 8).Select(_ => new CallbackStore(options, TimeProvider.System)).ToList();
        var results = await Task.WhenAll(nodes.Select((s, i) => Task.Run(() => s.TakeAsync(request.Uuid, 100 + i))));
        var winners = results.Where(r => r.Done).ToList();
        Assert.Single(winners);
        Assert.All(results.Where(r => !r.Done), r => Assert.Equal(CallbackOutcome.TakenByOther, r.Outcome));
        Assert.Equal(winners[0].Request!.AgentId, (await nodes[0].RequestAsync(request.Uuid))!.AgentId);
    }

    protected async Task Take_release_start_and_close_follow_the_holder()
    {
        var (store, _, request) = await WithOneRequest();
        Assert.Equal(CallbackOutcome.NotTaken, (await store.StartAsync(request.Uuid, 1, "0230210082")).Outcome);
        Assert.True((await store.TakeAsync(request.Uuid, 1)).Done);
        Assert.True((await store.TakeAsync(request.Uuid, 1)).Done); // his own again: nothing changes
        Assert.Equal(CallbackOutcome.NotYours, (await store.ReleaseAsync(request.Uuid, 2)).Outcome);
        Assert.Equal(CallbackOutcome.NotYours, (await store.StartAsync(request.Uuid, 2, "0230210082")).Outcome);
        var started = await store.StartAsync(request.Uuid, 1, "0230210082");
        Assert.True(started.Done);
        Assert.Equal(CallbackOutcome.NotYours, (await store.UpdateTicketAsync(started.Ticket!.Uuid, 2, "Answered", "", null, null)).Outcome);

        // Callback: released, rescheduled.
        var again = await store.UpdateTicketAsync(started.Ticket.Uuid, 1, CallbackStatuses.Callback, "call after lunch", "2026-12-09", null);
        Assert.True(again.Done);
        Assert.Equal((null, "2026-12-09", false, "call after lunch"), (again.Request!.AgentId, again.Request.DueDate, again.Request.Clotured, again.Request.Description));

        Assert.True((await store.TakeAsync(request.Uuid, 2)).Done);
        var second = await store.StartAsync(request.Uuid, 2, "0789654123");
        var closed = await store.UpdateTicketAsync(second.Ticket!.Uuid, 2, "Answered", "done", null, null);
        Assert.True(closed.Request!.Clotured);
        Assert.Equal(CallbackOutcome.Closed, (await store.TakeAsync(request.Uuid, 3)).Outcome);
        Assert.Empty(await store.OpenRequestsAsync(["list-1"]));

        var tickets = await store.TicketsAsync("list-1", null, null);
        Assert.Equal([(1, "Callback", "call after lunch"), (2, "Answered", "done")], tickets.Select(t => (t.AgentId, t.Status, t.Comment)));
        var csv = CallbackCsv.WriteTickets(tickets).Split("\r\n");
        Assert.Equal("uuid,requestUuid,listUuid,agentId,phoneNumber,start,lastUpdate,status,comment", csv[0]);
        Assert.EndsWith(",Answered,done", csv[2]);
    }

    protected async Task A_departed_agents_requests_are_released_and_only_his()
    {
        var (store, _, request) = await WithOneRequest();
        var other = (await store.AddRequestsAsync("list-1", [new CallbackRequest { PhoneNumber = "0102030405", DueDate = "2026-12-07" }]))[0];
        await store.TakeAsync(request.Uuid, 1);
        await store.TakeAsync(other.Uuid, 2);
        var released = await store.ReleaseAllOfAsync(1);
        Assert.Equal([request.Uuid], released.Select(r => r.Uuid));
        Assert.Empty(await store.ReleaseAllOfAsync(1));
        Assert.Equal(2, (await store.RequestAsync(other.Uuid))!.AgentId);
    }

    protected async Task Overdue_requests_are_those_whose_period_started_and_nobody_took()
    {
        var (store, _, yesterday) = await WithOneRequest();
        await store.UpsertPeriodAsync(new PreferredPeriod("pm", "Afternoon", "14:00:00", "17:00:00", false));
        var added = await store.AddRequestsAsync("list-1",
        [
            new CallbackRequest { PhoneNumber = "01", DueDate = "2026-12-08", PeriodUuid = "pm" },
            new CallbackRequest { PhoneNumber = "02", DueDate = "2026-12-08" },
            new CallbackRequest { PhoneNumber = "03", DueDate = "2026-12-09" },
        ]);
        var taken = (await store.AddRequestsAsync("list-1", [new CallbackRequest { PhoneNumber = "04", DueDate = "2026-12-01" }]))[0];
        await store.TakeAsync(taken.Uuid, 7);
        Assert.Equal([yesterday.Uuid, added[1].Uuid], (await store.OverdueAsync("2026-12-08", "13:59:59")).Select(r => r.Uuid));
        Assert.Equal(new[] { yesterday.Uuid, added[0].Uuid, added[1].Uuid }.Order(),
            (await store.OverdueAsync("2026-12-08", "14:00:00")).Select(r => r.Uuid).Order());
    }
}
