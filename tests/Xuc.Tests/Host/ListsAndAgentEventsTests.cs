using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Configuration lists, their changes and the agent events over real CTI WebSockets against the embedded PbxSim
/// (docs/cti-websocket.md, "Lists and agent events"), each profile's view compared whole. Demo data: queues 1 sales,
/// 2 support, 3 billing; agents 1-5 group 1 (sales + billing), 6-10 group 2 (support + billing); alice supervises
/// queues 1, 2 and group 1; jbond is agent 1 (NoRight); bob is NoRight without an agent.
/// </summary>
public sealed class ListsAndAgentEventsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly ConfigSnapshot Demo = DemoDataset.Create();

    private static string Command(string command, object? arguments = null)
    {
        var frame = new JObject { ["claz"] = "web", ["command"] = command };
        if (arguments is not null) frame.Merge(JObject.FromObject(arguments));
        return frame.ToString(Formatting.None);
    }

    private static string Frame(string msgType, object payload) =>
        new JObject { ["msgType"] = msgType, ["ctiMessage"] = JToken.FromObject(payload) }.ToString(Formatting.None);

    private static object QueueOf(Queue q) => new { id = q.Id, context = q.Context, name = q.Name, displayName = q.DisplayName, number = q.Number };
    private static object AgentOf(Agent a) => new { id = a.Id, firstName = a.FirstName, lastName = a.LastName, number = a.Number, context = a.Context, groupId = a.GroupId };
    private static object GroupOf(AgentGroup g) => new { id = g.Id, name = g.Name, displayName = g.DisplayName };

    private static string QueueList(params int[] ids) => Frame("QueueList", Demo.Queues.Where(q => ids.Contains(q.Id)).Select(QueueOf));
    private static string AgentList(params int[] ids) => Frame("AgentList", Demo.Agents.Where(a => ids.Contains(a.Id)).Select(AgentOf));
    private static string GroupList(params int[] ids) => Frame("AgentGroupList", Demo.AgentGroups.Where(g => ids.Contains(g.Id)).Select(GroupOf));
    private static string Error(string code, string message) => Frame("Error", new { Error = code, message });

    private static async Task<CtiClient> Connect(TestServer server, string login, int frames)
    {
        var client = await CtiClient.LoginAsync(server, login, login);
        await client.ReceiveConnectSequenceAsync(server, login, frames);
        return client;
    }

    private static async Task<string> Ask(CtiClient client, string command, object? arguments = null)
    {
        await client.SendAsync(command == "ping" ? """{"claz":"ping"}""" : Command(command, arguments));
        return await client.ReceiveOtherThanAsync("AgentStateEvent");
    }

    [Fact]
    public async Task Each_profile_gets_the_lists_it_may_see_compared_whole_and_bad_arguments_get_an_Error_with_a_reason()
    {
        var server = fixture.Server;
        await using var admin = await Connect(server, "admin", 6);
        await using var alice = await Connect(server, "alice", 8);
        await using var jbond = await Connect(server, "jbond", 8);
        await using var bob = await Connect(server, "bob", 8);
        int[] all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        (CtiClient Client, string Queues, string Agents, string Groups)[] views =
        [
            (admin, QueueList(1, 2, 3), AgentList(all), GroupList(1, 2)),
            (alice, QueueList(1, 2), AgentList(1, 2, 3, 4, 5), GroupList(1)),   // Supervisor: her queues and group
            (jbond, QueueList(1, 3), AgentList(1), GroupList(1)),              // NoRight: his own agent, its queues and group
            (bob, QueueList(), AgentList(), GroupList()),                        // NoRight without an agent: nothing
        ];
        foreach (var (client, queues, agents, groups) in views)
        {
            Assert.Equal(queues, await Ask(client, "getList", new { objectType = "queue" }));
            Assert.Equal(agents, await Ask(client, "getList", new { objectType = "agent" }));
            Assert.Equal(groups, await Ask(client, "getList", new { objectType = "agentgroup" }));
            Assert.Equal(queues, await Ask(client, "getConfig", new { objectType = "queue" }));
        }

        // getConfig of one object: its own message (a group: a list of that group, the reference has no AgentGroupConfig).
        Assert.Equal(Frame("QueueConfig", QueueOf(Demo.Queues[1])), await Ask(admin, "getConfig", new { objectType = "queue", objectId = 2 }));
        Assert.Equal(Frame("AgentConfig", AgentOf(Demo.Agents[2])), await Ask(alice, "getConfig", new { objectType = "agent", objectId = "3" }));
        Assert.Equal(GroupList(2), await Ask(admin, "getConfig", new { objectType = "agentgroup", objectId = 2 }));

        // The agent directory: each visible agent with his state now.
        var directory = JObject.Parse(await Ask(jbond, "getAgentDirectory"));
        Assert.Equal(Frame("AgentDirectory", new
        {
            directory = new[] { new { agent = AgentOf(Demo.Agents[0]), agentState = new { name = "AgentLoggedOut", agentId = 1, phoneNb = "", since = 0, queues = Array.Empty<int>(), cause = "" } } },
        }), Settled(directory));
        Assert.Equal(Frame("AgentDirectory", new { directory = Array.Empty<object>() }), await Ask(bob, "getAgentDirectory"));

        (CtiClient Client, string Command, object Arguments, string Answer)[] bad =
        [
            (admin, "getList", new { objectType = "chair" }, Error("InvalidArgument", "getList: objectType 'chair' is not one of queue, agent, agentgroup")),
            (admin, "getList", new { }, Error("InvalidArgument", "getList: 'objectType' is missing")),
            (admin, "getList", new { objectType = 3 }, Error("InvalidArgument", "getList: 'objectType' must be string, not integer")),
            (admin, "getList", new { objectType = "meetme" }, """{"msgType":"ConferenceList","ctiMessage":[]}"""),
            (admin, "getConfig", new { objectType = "queue", objectId = 99 }, Error("UnknownQueue", "getConfig: no queue has id 99")),
            (admin, "getConfig", new { objectType = "agent", objectId = 99 }, Error("UnknownAgent", "getConfig: no agent has id 99")),
            (admin, "getConfig", new { objectType = "agentgroup", objectId = 9 }, Error("UnknownAgentGroup", "getConfig: no agentgroup has id 9")),
            (admin, "getConfig", new { objectType = "queue", objectId = "x1" }, Error("InvalidArgument", "getConfig: objectId must be a whole number, not 'x1'")),
            (admin, "getConfig", new { objectType = "queue", objectId = 1.5 }, Error("InvalidArgument", "getConfig: 'objectId' must be integer or string, not float")),
            (alice, "getConfig", new { objectType = "queue", objectId = 3 }, Error("NotAuthorized", "getConfig: queue 3 is not visible to the Supervisor profile")),
            (alice, "getConfig", new { objectType = "agent", objectId = 6 }, Error("NotAuthorized", "getConfig: agent 6 is not visible to the Supervisor profile")),
            (bob, "getConfig", new { objectType = "agentgroup", objectId = 1 }, Error("NotAuthorized", "getConfig: agentgroup 1 is not visible to the NoRight profile")),
            (alice, "subscribeToQueueCalls", new { queueId = 3 }, Error("NotAuthorized", "subscribeToQueueCalls: queue 3 is not visible to the Supervisor profile")),
            (jbond, "getQueueStatistics", new { queueId = 2, window = 60 }, Error("NotAuthorized", "getQueueStatistics: queue 2 is not visible to the NoRight profile")),
        ];
        foreach (var (client, command, arguments, answer) in bad) Assert.Equal(answer, await Ask(client, command, arguments));
        // Still usable.
        Assert.Equal(QueueList(1, 2, 3), await Ask(admin, "getList", new { objectType = "queue" }));
    }

    [Fact]
    public async Task Admin_api_writes_and_imports_reach_the_sessions_that_asked_for_the_lists_as_QueueConfig_and_AgentConfig()
    {
        await using var server = await TestServer.StartAsync();
        var api = new AdminApi(server);
        await using var admin = await Connect(server, "admin", 6);
        await using var alice = await Connect(server, "alice", 8);
        await using var bob = await Connect(server, "bob", 8);      // never asks for a list: never told of changes
        foreach (var client in new[] { admin, alice })
        {
            await Ask(client, "getList", new { objectType = "queue" });
            await Ask(client, "getList", new { objectType = "agent" });
        }

        await api.ChangeAsync("queue", 3, q => q["displayName"] = "Billing desk");    // alice does not see queue 3
        await api.ChangeAsync("queue", 1, q => q["displayName"] = "Sales desk");
        await api.ChangeAsync("agent", 7, a => a["lastName"] = "Trevelyan-Smith");  // nor agent 7, group 2
        await api.ChangeAsync("agent", 2, a => a["lastName"] = "Money");
        await api.ChangeAsync("agent", 3, a => a["defaultQueues"] = new JArray());   // nothing a client sees: no frame
        await api.ImportAsync(new JObject { ["queues"] = new JArray(JObject.FromObject(Demo.Queues[1] with { DisplayName = "Support desk" }, JsonSerializer.Create(ConfigFile.Settings))) }, "merge");
        await api.ChangeAsync("agentgroup", 1, g => g["displayName"] = "Sales people"); // the reference has no message for a group's change

        string QueueConfig(int id, string displayName) => Frame("QueueConfig", QueueOf(Demo.Queues[id - 1] with { DisplayName = displayName }));
        string AgentConfig(int id, string lastName) => Frame("AgentConfig", AgentOf(Demo.Agents[id - 1] with { LastName = lastName }));
        Assert.Equal([QueueConfig(3, "Billing desk"), QueueConfig(1, "Sales desk"), AgentConfig(7, "Trevelyan-Smith"), AgentConfig(2, "Money"), QueueConfig(2, "Support desk")],
            await Frames(admin, 5));
        // Every change reached the node's lists (the admin got the last one): what alice and bob were sent is before their next answer.
        Assert.Equal([QueueConfig(1, "Sales desk"), AgentConfig(2, "Money"), QueueConfig(2, "Support desk")], await Frames(alice, 3));
        Assert.Equal(Frame("AgentGroupList", new[] { GroupOf(Demo.AgentGroups[0] with { DisplayName = "Sales people" }) }),
            await Ask(alice, "getList", new { objectType = "agentgroup" }));
        Assert.Equal(Frame("Pong", new { }), await Ask(bob, "ping"));
    }

    [Fact]
    public async Task A_change_of_a_connected_supervisors_rights_closes_his_session_with_a_reason_and_others_stay()
    {
        await using var server = await TestServer.StartAsync();
        var api = new AdminApi(server);
        await using var alice = await Connect(server, "alice", 8);
        await using var bob = await Connect(server, "bob", 8);
        await api.ChangeAsync("rightprofile", 2, p => p["queueIds"] = new JArray(1));
        Assert.Equal("the user's rights changed", await alice.ReceiveCloseAsync());
        Assert.Equal(Frame("Pong", new { }), await Ask(bob, "ping"));
        // Reconnected, she sees her new list.
        await using var again = await Connect(server, "alice", 8);
        Assert.Equal(QueueList(1), await Ask(again, "getList", new { objectType = "queue" }));
    }

    private static async Task<List<string>> Frames(CtiClient client, int count)
    {
        var frames = new List<string>();
        for (var i = 0; i < count; i++) frames.Add(await client.ReceiveOtherThanAsync("AgentStateEvent"));
        return frames;
    }

    /// <summary>The frame with <c>since</c> at most 2 s read as 0 (the machine may be slow).</summary>
    private static string Settled(JToken frame)
    {
        foreach (var since in frame.SelectTokens("$..since").OfType<JValue>().ToList())
            if ((long)since <= 2) since.Value = 0;
        return frame.ToString(Formatting.None);
    }
}
