using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.History;
using Xuc.Actors.Sessions.History;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// <c>findCustomerCallHistory</c> as the stock client sends it (<c>Cti.findCustomerCallHistory(id, filters, size)</c>),
/// over a real CTI WebSocket against the whole server and its SQLite history: the calls of a customer's number, one
/// per call, newest first, what each profile may see, and bad requests refused with a reason. Frames compared whole.
/// </summary>
public sealed class CustomerCallHistoryTests
{
    private const string Customer = "0611111111";

    [Fact]
    public async Task A_customers_calls_come_back_with_the_request_id_one_per_call_newest_first_as_far_as_the_profile_sees()
    {
        await using var server = await TestServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var t1 = now.AddMinutes(-30);
        var t2 = now.AddMinutes(-20);
        var t4 = now.AddMinutes(-10);
        var store = new CallHistoryStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = server.App.Settings.EffectiveConnectionString });
        await store.WriteAsync([
            // c1: the customer called sales, agent 1 (jbond, on 1001) answered after 8 s and talked 62 s: a queue row and two line rows.
            Row("c1", CallRecord.QueueParty("sales"), t1, 8, 70, Customer, "3000", "Agent/2001", null, "sales", "1", CallStatus.Answered),
            Row("c1", CallRecord.LineParty("PJSIP/1001"), t1, 8, 70, Customer, "1001", "James Bond", "PJSIP/1001", null, null, CallStatus.Answered),
            Row("c1", CallRecord.LineParty("PJSIP/trunk"), t1, 8, 70, Customer, "3000", "", "PJSIP/trunk", null, null, CallStatus.Answered),
            // c2: billing, abandoned after 15 s.
            Row("c2", CallRecord.QueueParty("billing"), t2, null, 15, Customer, "3002", "", null, "billing", null, CallStatus.Abandoned),
            // c3: another customer in sales.
            Row("c3", CallRecord.QueueParty("sales"), t2, 3, 40, "0699999999", "3000", "Agent/2001", null, "sales", "1", CallStatus.Answered),
            // c4: the customer dialled 1002's line directly, missed.
            Row("c4", CallRecord.LineParty("PJSIP/1002"), t4, null, 20, Customer, "1002", "Eve Moneypenny", "PJSIP/1002", null, null, CallStatus.Missed),
        ]);
        string C1 = Call(t1, "00:01:02", "00:00:08", "\"James Bond\"", "\"2001\"", "\"Sales\"", "\"3000\"", "answered");
        string C2 = Call(t2, "null", "00:00:15", "null", "null", "\"Billing\"", "\"3002\"", "abandoned");
        string C4 = Call(t4, "null", "00:00:20", "null", "null", "null", "null", "missed");

        await using var admin = await CtiClient.LoginAsync(server, "admin", "admin");
        await using var alice = await CtiClient.LoginAsync(server, "alice", "alice");
        await using var jbond = await CtiClient.LoginAsync(server, "jbond", "jbond");
        Assert.Equal(Response(7, C4, C2, C1), await Ask(admin, 7, Filter("src_num", Customer), 10));
        Assert.Equal(Response(8, C4, C2), await Ask(admin, 8, Filter("src_num", Customer), 2));
        // alice supervises sales and support: not billing, not 1002's line.
        Assert.Equal(Response(1, C1), await Ask(alice, 1, Filter("src_num", Customer), 10));
        // jbond, agent 1, a member of sales and billing, on 1001.
        Assert.Equal(Response(2, C2, C1), await Ask(jbond, 2, Filter("src_num", Customer), 10));
        Assert.Equal(Response(3, C1), await Ask(jbond, 3, Filter("src_num", Customer) + "," + Filter("dst_num", "3000"), 10));
        Assert.Equal(Response(4), await Ask(jbond, 4, Filter("src_num", "0600000000"), 10));
    }

    [Fact]
    public async Task A_bad_request_gets_an_Error_with_its_reason()
    {
        await using var server = await TestServer.StartAsync();
        await using var jbond = await CtiClient.LoginAsync(server, "jbond", "jbond");
        (string Frame, string Message)[] cases =
        [
            ($$$"""{"id":1,"request":{"filters":[{{{Filter("src_num", Customer)}}}]}}""", "findCustomerCallHistory: 'request.size' is missing"),
            ("""{"id":1,"request":{"filters":[],"size":5}}""", "findCustomerCallHistory: give at least one filter (src_num or dst_num)"),
            ("""{"id":1,"request":{"filters":[{"field":"agent","value":"x"}],"size":5}}""", "findCustomerCallHistory: filter field 'agent' is not supported; use src_num or dst_num"),
            ("""{"id":1,"request":{"filters":[{"field":"src_num","operator":"like","value":"06%"}],"size":5}}""", "findCustomerCallHistory: operator 'like' of filter 'src_num' is not supported; use '='"),
            ("""{"id":1,"request":{"filters":[{"field":"src_num"}],"size":5}}""", "findCustomerCallHistory: 'request.filters[0].value' is missing"),
            ("""{"id":1,"request":{"filters":"src_num","size":5}}""", "findCustomerCallHistory: 'request.filters' must be array, not string"),
            ($$$"""{"request":{"filters":[{{{Filter("src_num", Customer)}}}],"size":5}}""", "findCustomerCallHistory: 'id' is missing"),
            ($$$"""{"id":1,"request":{"filters":[{{{Filter("src_num", Customer)}}}],"size":0}}""", "findCustomerCallHistory: size must be at least 1, not 0"),
        ];
        foreach (var (frame, message) in cases)
        {
            var command = JObject.Parse(frame);
            command.AddFirst(new JProperty("command", HistoryFeature.Customer));
            command.AddFirst(new JProperty("claz", "web"));
            await jbond.SendAsync(command.ToString(Formatting.None));
            Assert.Equal(new JObject { ["msgType"] = "Error", ["ctiMessage"] = new JObject { ["Error"] = "InvalidArgument", ["message"] = message } }.ToString(Formatting.None),
                await jbond.ReceiveOfTypeAsync("CustomerCallHistoryResponseWithId", "Error"));
        }
    }

    private static HistoryWrite Row(string call, string party, DateTimeOffset start, int? answerAfter, int endAfter, string src, string dst, string dstName,
        string? line, string? queue, string? agent, string status) =>
        new(new CallRecord(call, party, start, answerAfter is { } a ? start.AddSeconds(a) : null, start.AddSeconds(endAfter), src, "", dst, dstName, line, queue, agent, status));

    private static string Filter(string field, string value) => $$"""{"field":"{{field}}","operator":"=","value":"{{value}}"}""";

    private static string Call(DateTimeOffset start, string duration, string wait, string agentName, string agentNum, string queueName, string queueNum, string status)
    {
        var d = duration == "null" ? "null" : $"\"{duration}\"";
        return $$"""{"start":"{{CallHistoryEntry.Time(start)}}","duration":{{d}},"waitTime":"{{wait}}","agentName":{{agentName}},"agentNum":{{agentNum}},"queueName":{{queueName}},"queueNum":{{queueNum}},"status":"{{status}}"}""";
    }

    private static string Response(long id, params string[] calls) =>
        $$"""{"msgType":"CustomerCallHistoryResponseWithId","ctiMessage":{"id":{{id}},"response":{"total":{{calls.Length}},"list":[{{string.Join(",", calls)}}]""" + "}}}";

    private static async Task<string> Ask(CtiClient client, long id, string filters, int size)
    {
        await client.SendAsync($$"""{"claz":"web","command":"findCustomerCallHistory","id":{{id}},"request":{"filters":[{{filters}}],"size":{{size}}""" + "}}");
        return await client.ReceiveOfTypeAsync("CustomerCallHistoryResponseWithId", "Error");
    }
}
