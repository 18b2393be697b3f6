using Newtonsoft.Json.Linq;
using Xuc.Tests.Support;
using static Xuc.Tests.Callbacks.CallbackSessions;

namespace Xuc.Tests.Callbacks;

/// <summary>
/// The callback commands over real WebSockets against the whole server and its bundled PbxSim (demo users: jbond agent
/// 1 and mmoneypenny agent 2 of queues sales and billing, vlynd agent 6 of support and billing, alice supervisor of
/// sales and support).
/// </summary>
public sealed class CallbackCommandTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_agent_takes_starts_from_his_line_and_closes_a_request_and_those_who_see_the_list_follow()
    {
        await using var server = await TestServer.StartAsync();
        await Wait.Until(async () => (await server.Http.GetAsync("/health/ready")).IsSuccessStatusCode, Within, "AMI connected");
        var sim = server.App.Simulator!;
        sim.RecordActions = true;
        var (list, requests) = await SalesListAsync(server, 2);

        await using var james = await CtiClient.LoginAsync(server, "jbond", "jbond");
        await using var money = await CtiClient.LoginAsync(server, "mmoneypenny", "mmoneypenny");
        await using var alice = await CtiClient.LoginAsync(server, "alice", "alice");
        await using var vlynd = await CtiClient.LoginAsync(server, "vlynd", "vlynd");

        var lists = await AskAsync(james, "getCallbackLists", null, "CallbackLists");
        var mine = ListOf(lists, list);
        Assert.Equal((list, "Test callbacks", 1, 2), ((string)mine["uuid"]!, (string)mine["name"]!, (int)mine["queueId"]!, ((JArray)mine["callbacks"]!).Count));
        var first = (JObject)mine["callbacks"]![0]!;
        Assert.Equal(JObject.Parse($$"""
            {"uuid":"{{requests[0]}}","listUuid":"{{list}}","phoneNumber":"0230210080","mobilePhoneNumber":null,"firstName":"Alice","lastName":"O'Neill 0",
             "company":null,"description":null,"agentId":null,"dueDate":"2099-01-01",
             "preferredPeriod":{"default":true,"name":"Early","periodStart":"07:00:00","periodEnd":"09:00:00","uuid":"am"},"clotured":false}
            """), first);
        Assert.Equal(2, ((JArray)ListOf(await AskAsync(alice, "getCallbackLists", null, "CallbackLists"), list)["callbacks"]!).Count);
        await AskAsync(money, "getCallbackLists", null, "CallbackLists");
        Assert.Empty(await AskAsync(vlynd, "getCallbackLists", null, "CallbackLists") is var v ? v["ctiMessage"]! : null!);
        var periods = await AskAsync(james, "getCallbackPreferredPeriods", null, "PreferredCallbackPeriodList");
        Assert.Equal(["Early", "Morning", "Afternoon"], periods["ctiMessage"]!.Select(p => (string)p["name"]!)); // the test's, then the demo's

        // Take: the taker's answer, the others' event; a second taker's Error; someone who does not see the list.
        var taken = await AskAsync(james, "takeCallback", new { uuid = requests[0] }, "CallbackTaken");
        Assert.Equal(JObject.Parse($$"""{"uuid":"{{requests[0]}}","agentId":1}"""), taken["ctiMessage"]);
        Assert.Equal(taken, await NextAsync(alice, "CallbackTaken"));
        Assert.Equal(taken, await NextAsync(money, "CallbackTaken"));
        Assert.Equal("CallbackAlreadyTaken", Error(await AskAsync(money, "takeCallback", new { uuid = requests[0] }, "CallbackTaken")));
        Assert.Equal("UnknownCallback", Error(await AskAsync(vlynd, "takeCallback", new { uuid = requests[0] }, "CallbackTaken")));
        Assert.Equal("NotAnAgent", Error(await AskAsync(alice, "takeCallback", new { uuid = requests[0] }, "CallbackTaken")));
        Assert.Equal("NotYourCallback", Error(await AskAsync(money, "releaseCallback", new { uuid = requests[0] }, "CallbackReleased")));

        // Start: the PBX sees the Originate from jbond's line to the number; a ticket.
        var started = await AskAsync(james, "startCallback", new { uuid = requests[0], number = "0230210080" }, "CallbackStarted");
        Assert.Equal(requests[0], (string)started["ctiMessage"]!["requestUuid"]!);
        var ticket = (string)started["ctiMessage"]!["ticketUuid"]!;
        await Wait.Until(() => Task.FromResult(sim.ReceivedActions.Any(x => x.Action == "Originate"
            && x.Headers.Contains(new("Channel", "PJSIP/1001")) && x.Headers.Contains(new("Exten", "0230210080")))), Within, "the PBX receives the Originate from 1001");

        Assert.Equal("InvalidArgument", Error(await AskAsync(james, "updateCallbackTicket", new { uuid = ticket, status = "Maybe" }, "CallbackClotured")));
        var closed = await AskAsync(james, "updateCallbackTicket", new { uuid = ticket, status = "Answered", comment = "all good" }, "CallbackClotured");
        Assert.Equal(JObject.Parse($$"""{"uuid":"{{requests[0]}}"}"""), closed["ctiMessage"]);
        Assert.Equal(closed, await NextAsync(alice, "CallbackClotured"));
        Assert.Equal("CallbackClosed", Error(await AskAsync(money, "takeCallback", new { uuid = requests[0] }, "CallbackTaken")));

        // Take, start, reschedule: released with its new date.
        await AskAsync(money, "takeCallback", new { uuid = requests[1] }, "CallbackTaken");
        var second = (string)(await AskAsync(money, "startCallback", new { uuid = requests[1], number = "0230210081" }, "CallbackStarted"))["ctiMessage"]!["ticketUuid"]!;
        var moved = await AskAsync(money, "updateCallbackTicket", new { uuid = second, status = "Callback", comment = "after lunch", dueDate = "2099-02-01" }, "CallbackRequestUpdated");
        Assert.Equal(("2099-02-01", null, "after lunch"), ((string)moved["ctiMessage"]!["request"]!["dueDate"]!, (int?)moved["ctiMessage"]!["request"]!["agentId"], (string)moved["ctiMessage"]!["request"]!["description"]!));
        Assert.Equal(moved, await NextAsync(alice, "CallbackRequestUpdated"));

        var found = await AskAsync(alice, "findCallbackRequest", new
        {
            id = 7, request = new { filters = new object[] { new { field = "listUuid", @operator = "=", value = list }, new { field = "clotured", @operator = "=", value = false }, new { field = "lastName", @operator = "ilike", value = "o'neill%" } }, offset = 0, limit = 10 },
        }, "FindCallbackResponseWithId");
        Assert.Equal((7, 1, requests[1]), ((int)found["ctiMessage"]!["id"]!, (int)found["ctiMessage"]!["response"]!["total"]!, (string)found["ctiMessage"]!["response"]!["list"]![0]!["uuid"]!));
        Assert.Equal("InvalidArgument", Error(await AskAsync(alice, "findCallbackRequest", new { id = 8, request = new { filters = new[] { new { field = "salary", @operator = "=", value = "1" } } } }, "FindCallbackResponseWithId")));

        // The tickets kept: agent, number, outcome, comment.
        Assert.Equal([(1, "0230210080", "Answered", "all good"), (2, "0230210081", "Callback", "after lunch")],
            (await Store(server).TicketsAsync(list, null, null)).Select(t => (t.AgentId, t.PhoneNumber, t.Status, t.Comment)));
    }

    [Fact]
    public async Task A_request_of_an_agent_who_disconnects_or_logs_out_is_released_and_overdue_requests_are_pushed()
    {
        await using var server = await TestServer.StartAsync("xuc.callbacks.release-after = 1s\nxuc.callbacks.overdue-check = 1s\n");
        var (list, requests) = await SalesListAsync(server, 2, due: "2000-01-01");
        bool Mine(JObject f) => FrameWatch.Is(f, "CallbacksOverdue") && (string)f["ctiMessage"]!["listUuid"]! == list;
        await using var alice = await CtiClient.LoginAsync(server, "alice", "alice");
        await alice.SendAsync(FrameWatch.Command("getCallbackLists"));
        var overdue = (await FrameWatch.UntilAsync(alice, ("the test list's overdue requests", Mine)))[^1];
        Assert.Equal(requests.Order(), overdue["ctiMessage"]!["requests"]!.Select(r => (string)r["uuid"]!).Order());

        var money = await CtiClient.LoginAsync(server, "mmoneypenny", "mmoneypenny");
        await AskAsync(money, "getCallbackLists", null, "CallbackLists");
        await AskAsync(money, "takeCallback", new { uuid = requests[0] }, "CallbackTaken");
        Assert.Equal(requests[0], (string)(await NextAsync(alice, "CallbackTaken"))["ctiMessage"]!["uuid"]!);
        await money.DisposeAsync();
        Assert.Equal(requests[0], (string)(await NextAsync(alice, "CallbackReleased"))["ctiMessage"]!["uuid"]!);
        Assert.Null((await Store(server).RequestAsync(requests[0]))!.AgentId);
        // Untaken again, it is overdue again.
        Assert.Equal([requests[0]], (await FrameWatch.UntilAsync(alice, ("the released request overdue again", Mine)))[^1]["ctiMessage"]!["requests"]!.Select(r => (string)r["uuid"]!));

        // An agent who logs out lets go at once, his session still open.
        await using var james = await CtiClient.LoginAsync(server, "jbond", "jbond");
        await james.SendAsync(FrameWatch.Command("agentLogin", new { agentphonenumber = "1001" }));
        await FrameWatch.UntilAsync(james, ("jbond ready", f => FrameWatch.AgentIs(f, 1, "AgentReady")));
        await AskAsync(james, "takeCallback", new { uuid = requests[1] }, "CallbackTaken");
        Assert.Equal(requests[1], (string)(await NextAsync(alice, "CallbackTaken"))["ctiMessage"]!["uuid"]!);
        await james.SendAsync(FrameWatch.Command("agentLogout"));
        Assert.Equal(requests[1], (string)(await NextAsync(alice, "CallbackReleased"))["ctiMessage"]!["uuid"]!);
    }
}
