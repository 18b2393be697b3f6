using System.Text.RegularExpressions;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.History;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;
using ConfigQueue = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Tests.Host;

/// <summary>
/// The call history over a real CTI WebSocket against the bundled simulator: a scripted mix of answered, abandoned,
/// missed, transferred and timed-out calls, then the four commands, bad arguments, and a restart on the same database.
/// Frames are compared whole; the clock-dependent values (start, answer, duration) are first checked for their
/// format and then replaced by <c>T</c> / <c>D</c> (the server runs on the real clock); after the restart the frame is
/// compared byte for byte with the one before.
/// </summary>
public sealed class CallHistoryEndToEndTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_scripted_mix_of_calls_is_returned_by_user_agent_queue_and_days_newest_first_and_survives_a_restart()
    {
        using var dir = new TempDirectory();
        string userFrameBefore;
        await using (var server = await TestServer.StartOnAsync(dir))
        {
            await ScriptAsync(server);

            await using var jbond = await OpenAsync(server, "jbond");
            userFrameBefore = await AskRawAsync(jbond, new JObject { ["command"] = "getUserCallHistory", ["size"] = 10 });
            Assert.Equal(JbondUser, Masked(userFrameBefore, "CallHistory"));
            Assert.Equal(JbondUser.Replace("\"CallHistory\"", "\"CallHistoryByDays\""),
                Masked(await AskRawAsync(jbond, new JObject { ["command"] = "getUserCallHistoryByDays", ["days"] = 1 }), "CallHistoryByDays"));
            Assert.Equal(JbondAgent, Masked(await AskRawAsync(jbond, new JObject { ["command"] = "getAgentCallHistory", ["size"] = 10 }), "CallHistory"));
            // size 2: the newest two.
            var two = JObject.Parse(JbondUser);
            ((JArray)two["ctiMessage"]!).Last!.Remove();
            Assert.Equal(two.ToString(Formatting.None), Masked(await AskRawAsync(jbond, new JObject { ["command"] = "getUserCallHistory", ["size"] = 2 }), "CallHistory"));

            await using var admin = await OpenAsync(server, "admin");
            Assert.Equal(QueuesBl, Masked(await AskRawAsync(admin, new JObject { ["command"] = "getQueueCallHistory", ["queue"] = "bl", ["size"] = 10 }), "CallHistory"));
            Assert.Equal(Frame(QueueBlue), Masked(await AskRawAsync(admin, new JObject { ["command"] = "getQueueCallHistory", ["queue"] = "BLUE", ["size"] = 10 }), "CallHistory"));
        }

        await using (var again = await TestServer.StartOnAsync(dir))
        {
            await using var jbond = await OpenAsync(again, "jbond");
            Assert.Equal(userFrameBefore, await AskRawAsync(jbond, new JObject { ["command"] = "getUserCallHistory", ["size"] = 10 }));
        }
    }

    [Fact]
    public async Task Bad_arguments_get_an_Error_with_a_reason_and_change_nothing()
    {
        await using var server = await TestServer.StartAsync();
        await AddQueuesAsync(server);
        await using var jbond = await OpenAsync(server, "jbond");
        var before = await AskRawAsync(jbond, new JObject { ["command"] = "getUserCallHistory", ["size"] = 5 });
        Assert.Equal("""{"msgType":"CallHistory","ctiMessage":[]}""", before);

        (string Login, JObject Command, string Code, string Message)[] cases =
        [
            ("jbond", new JObject { ["command"] = "getUserCallHistory", ["size"] = 0 }, "InvalidArgument", "getUserCallHistory: size must be at least 1, not 0"),
            ("jbond", new JObject { ["command"] = "getUserCallHistory", ["size"] = -3 }, "InvalidArgument", "getUserCallHistory: size must be at least 1, not -3"),
            ("jbond", new JObject { ["command"] = "getUserCallHistory", ["size"] = 10_000_000 }, "InvalidArgument",
                "getUserCallHistory: size 10000000 is over the cap of 1000 calls (xuc.history.max-size, XUC_HISTORY_MAX_SIZE); ask for 1 to 1000"),
            ("jbond", new JObject { ["command"] = "getAgentCallHistory", ["size"] = "ten" }, "InvalidArgument", "getAgentCallHistory: 'size' must be integer, not string"),
            ("jbond", new JObject { ["command"] = "getAgentCallHistory" }, "InvalidArgument", "getAgentCallHistory: 'size' is missing"),
            ("jbond", new JObject { ["command"] = "getUserCallHistoryByDays", ["days"] = 0 }, "InvalidArgument",
                "getUserCallHistoryByDays: days must be from 1 to 90 (the history keeps 90 days, xuc.history.retention-days), not 0"),
            ("jbond", new JObject { ["command"] = "getUserCallHistoryByDays", ["days"] = 91 }, "InvalidArgument",
                "getUserCallHistoryByDays: days must be from 1 to 90 (the history keeps 90 days, xuc.history.retention-days), not 91"),
            ("jbond", new JObject { ["command"] = "getQueueCallHistory", ["queue"] = "bl", ["size"] = 10 }, "NotAuthorized",
                "getQueueCallHistory is not allowed to the NoRight profile"),
            ("bob", new JObject { ["command"] = "getAgentCallHistory", ["size"] = 10 }, "NotAnAgent", "getAgentCallHistory: bob is not an agent"),
            ("admin", new JObject { ["command"] = "getQueueCallHistory", ["queue"] = "zzz", ["size"] = 10 }, "UnknownQueue",
                "getQueueCallHistory: no queue has a name containing 'zzz'"),
            ("admin", new JObject { ["command"] = "getQueueCallHistory", ["queue"] = "bl", ["size"] = 0 }, "InvalidArgument",
                "getQueueCallHistory: size must be at least 1, not 0"),
            // alice supervises sales and support only: blue, black and blow are not hers.
            ("alice", new JObject { ["command"] = "getQueueCallHistory", ["queue"] = "bl", ["size"] = 10 }, "UnknownQueue",
                "getQueueCallHistory: no queue of your profile has a name containing 'bl'"),
        ];
        var sessions = new Dictionary<string, CtiClient> { ["jbond"] = jbond };
        try
        {
            foreach (var (login, command, code, message) in cases)
            {
                if (!sessions.TryGetValue(login, out var client)) sessions[login] = client = await OpenAsync(server, login);
                Assert.Equal(new JObject { ["msgType"] = "Error", ["ctiMessage"] = new JObject { ["Error"] = code, ["message"] = message } }.ToString(Formatting.None),
                    await AskRawAsync(client, command));
            }
            Assert.Equal(before, await AskRawAsync(jbond, new JObject { ["command"] = "getUserCallHistory", ["size"] = 5 }));
            Assert.Equal("""{"msgType":"CallHistory","ctiMessage":[]}""",
                await AskRawAsync(sessions["alice"], new JObject { ["command"] = "getQueueCallHistory", ["queue"] = "sal", ["size"] = 10 }));
        }
        finally
        {
            foreach (var (login, client) in sessions) if (login != "jbond") await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_call_still_ringing_reads_ongoing_then_missed_once_it_ends()
    {
        await using var server = await TestServer.StartAsync();
        var m = server.App.Simulator!.Model;
        m.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.Zero);
        await using var jbond = await OpenAsync(server, "jbond");
        m.Dial("1002", "1001");
        await Ringing(m, "PJSIP/1001");
        const string Call = """{"start":"T","answer":null,"duration":"D","srcNum":"1002","srcName":"Eve Moneypenny","dstNum":"1001","dstName":"James Bond","queue":null,"agentId":null,"status":"STATUS"}""";
        var ask = new JObject { ["command"] = "getUserCallHistory", ["size"] = 10 };
        await Wait.Until(async () => Masked(await AskRawAsync(jbond, (JObject)ask.DeepClone()), "CallHistory") == Frame(Call.Replace("STATUS", "ongoing")),
            Within, "jbond's history shows the ringing call ongoing");
        m.Hangup("1002");
        await Wait.Until(async () => Masked(await AskRawAsync(jbond, (JObject)ask.DeepClone()), "CallHistory") == Frame(Call.Replace("STATUS", "missed")),
            Within, "then missed");
    }

    private const string QueueBlue = """{"start":"T","answer":"T","duration":"D","srcNum":"0611111111","srcName":"","dstNum":"3100","dstName":"James Bond","queue":"blue","agentId":1,"status":"answered"}""";
    private const string QueueBlack = """{"start":"T","answer":null,"duration":"D","srcNum":"0622222222","srcName":"","dstNum":"3101","dstName":"","queue":"black","agentId":null,"status":"abandoned"}""";
    private const string QueueBlow = """{"start":"T","answer":null,"duration":"D","srcNum":"0644444444","srcName":"","dstNum":"3102","dstName":"","queue":"blow","agentId":null,"status":"timeout"}""";

    private static string Frame(params string[] calls) => $$"""{"msgType":"CallHistory","ctiMessage":[{{string.Join(",", calls)}}]}""";

    private static readonly string JbondUser = Frame(
        """{"start":"T","answer":"T","duration":"D","srcNum":"1003","srcName":"Q Boothroyd","dstNum":"1001","dstName":"James Bond","queue":null,"agentId":null,"status":"answered"}""",
        """{"start":"T","answer":null,"duration":"D","srcNum":"1002","srcName":"Eve Moneypenny","dstNum":"1001","dstName":"James Bond","queue":null,"agentId":null,"status":"missed"}""",
        """{"start":"T","answer":"T","duration":"D","srcNum":"0611111111","srcName":"","dstNum":"1001","dstName":"James Bond","queue":null,"agentId":null,"status":"answered"}""");

    private static readonly string JbondAgent = Frame(QueueBlue);
    private static readonly string QueuesBl = Frame(QueueBlow, QueueBlack, QueueBlue);

    /// <summary>
    /// blue (3100, member jbond's phone, agent 1 logged on it), black (3101, member 1002), blow (3102, no member,
    /// 1 s timeout); phones answer only when told. Then: a blue call answered by 1001; a black call abandoned;
    /// 1002 calls 1001, who does not answer; 1003 calls 1002, who answers and blind-transfers to 1001, who answers;
    /// a blow call times out.
    /// </summary>
    private static async Task ScriptAsync(TestServer server)
    {
        var sim = server.App.Simulator!;
        var m = sim.Model;
        m.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.Zero);
        await AddQueuesAsync(server);
        m.AddQueue("blue", "3100");
        m.AddQueue("black", "3101");
        m.AddQueue("blow", "3102", timeoutSeconds: 1);
        m.AddMember("black", "PJSIP/1002", "Eve Moneypenny");

        var system = server.App.Web.Services.GetRequiredService<ActorSystem>();
        var agents = Akka.Hosting.ActorRegistry.For(system).Get<AgentRegion>();
        Assert.True((await agents.Ask<AgentCommandResult>(new LoginAgent("1", "1001", "PJSIP/1001"), Within)).Ok);
        var recorder = system.ActorSelection("/user/ami-connection/ami-connection/call-history");
        await Wait.Until(async () => (await recorder.Ask<AgentOfInterface>(new GetAgentOfInterface("PJSIP/1001"), TimeSpan.FromSeconds(5))).AgentId == "1",
            Within, "the history recorder knows agent 1 is on PJSIP/1001");
        // The member name Xuc's own agentLogin gives (QueueAdd MemberName Agent/<number>): the row still names the agent, "James Bond".
        m.AddMember("blue", "PJSIP/1001", "Agent/2001");

        m.ExternalCall("0611111111", "3100");
        await Ringing(m, "PJSIP/1001");
        m.Answer("1001");
        await Until(m, () => m.Channels.Any(c => c.Device == "PJSIP/1001" && c.Bridge is not null), "1001 talks");
        m.Hangup("1001");
        await Settled(server, m, 3);

        var abandoned = m.ExternalCall("0622222222", "3101");
        await Ringing(m, "PJSIP/1002");
        m.Hangup(abandoned);
        await Settled(server, m, 6);

        m.Dial("1002", "1001");
        await Ringing(m, "PJSIP/1001");
        m.Hangup("1002");
        await Settled(server, m, 8);

        m.Dial("1003", "1002");
        await Ringing(m, "PJSIP/1002");
        m.Answer("1002");
        await Until(m, () => m.Channels.Any(c => c.Device == "PJSIP/1002" && c.Bridge is not null), "1002 talks");
        Assert.Null(m.Locked(() => m.BlindTransfer(m.Channels.Single(c => c.Device == "PJSIP/1002"), "1001", "default")));
        await Ringing(m, "PJSIP/1001");
        m.Answer("1001");
        await Until(m, () => m.Channels.Any(c => c.Device == "PJSIP/1001" && c.Bridge is not null), "1001 talks");
        m.Hangup("1001");
        await Settled(server, m, 11);

        m.ExternalCall("0644444444", "3102");
        await Settled(server, m, 13);
    }

    /// <summary>
    /// The call is over and the recorder, which writes behind the events, has written its rows final (the next call
    /// starts after that: the recorder times rows when it reads their events, so calls placed within the same
    /// millisecond of its reading would have no order).
    /// </summary>
    private static async Task Settled(TestServer server, PbxModel m, int rows)
    {
        await Idle(m);
        var store = new CallHistoryStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = server.App.Settings.EffectiveConnectionString });
        await Wait.Until(async () =>
        {
            var all = new List<CallRecord>(await store.OfQueuesAsync(["blue", "black", "blow"], 100));
            foreach (var line in new[] { "PJSIP/trunk", "PJSIP/1001", "PJSIP/1002", "PJSIP/1003" }) all.AddRange(await store.OfLineAsync(line, 100));
            return all.Count == rows && all.All(r => r.Status != CallStatus.Ongoing);
        }, Within, $"{rows} rows written, none ongoing");
    }

    private static async Task AddQueuesAsync(TestServer server)
    {
        var id = 20;
        foreach (var (name, number) in new[] { ("blue", "3100"), ("black", "3101"), ("blow", "3102") })
            await server.App.Store.UpsertAsync(ConfigKinds.Queue, new ConfigQueue { Id = id++, Name = name, DisplayName = name, Number = number });
    }

    private static Task Ringing(PbxModel m, string device) => Until(m, () => m.Channels.Any(c => c.Device == device && c.State == 5), device + " rings");
    private static Task Idle(PbxModel m) => Until(m, () => !m.Channels.Any(), "no channel left");
    private static Task Until(PbxModel m, Func<bool> condition, string what) => Wait.Until(() => Task.FromResult(m.Locked(condition)), Within, what);

    private static async Task<CtiClient> OpenAsync(TestServer server, string login)
    {
        var client = await CtiClient.LoginAsync(server, login, login);
        await client.SendAsync("""{"claz":"ping"}""");
        while ((await client.ReceiveJsonAsync())["msgType"]!.ToString() != "Pong") { }
        return client;
    }

    private static async Task<string> AskRawAsync(CtiClient client, JObject command)
    {
        command.AddFirst(new JProperty("claz", "web"));
        await client.SendAsync(command.ToString(Formatting.None));
        // The answer, or the Error it gets; the phone's and the agent's own frames pushed meanwhile are not its business.
        return await client.ReceiveOfTypeAsync("CallHistory", "CallHistoryByDays", "Error");
    }

    /// <summary>The frame with start/answer checked (local time, seconds) and replaced by T, durations by D; starts newest first.</summary>
    private static string Masked(string frame, string msgType)
    {
        var json = JObject.Parse(frame);
        Assert.Equal(msgType, json["msgType"]!.ToString());
        var time = new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
        var starts = new List<string>();
        foreach (var call in json["ctiMessage"]!.Cast<JObject>())
        {
            var start = call["start"]!.ToString();
            Assert.Matches(time, start);
            starts.Add(start);
            call["start"] = "T";
            if (call["answer"]!.Type != JTokenType.Null)
            {
                Assert.Matches(time, call["answer"]!.ToString());
                call["answer"] = "T";
            }
            Assert.Matches(@"^\d\d:\d\d:\d\d$", call["duration"]!.ToString());
            call["duration"] = "D";
        }
        Assert.Equal(starts.OrderByDescending(s => s, StringComparer.Ordinal), starts);
        return json.ToString(Formatting.None);
    }
}
