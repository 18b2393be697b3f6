using Newtonsoft.Json.Linq;
using Xuc.Tests.Host;
using Xuc.Tests.Support;
using static Xuc.Tests.RealAsterisk.ScenarioSteps;

namespace Xuc.Tests.RealAsterisk;

/// <summary>
/// The desktop's scenarios, one test code on PbxSim and on a real Asterisk 22 (a Theory row per PBX; the Asterisk row
/// says REAL ASTERISK NOT TESTED where the chroot is missing): the server over a real CTI socket, frames compared
/// whole, and what the PBX itself then holds (queue members through QueueStatus on Asterisk, the model on the
/// simulator). Each test uses its own agents and lines; the class shares one server per PBX.
/// </summary>
public sealed class PbxScenarioTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    [Theory]
    [PbxSimData]
    [RealAsteriskData]
    public async Task Agent_login_pause_with_reason_and_logout_are_the_pbxs_queue_add_pause_and_remove(string kind)
    {
        var pbx = await fixture.GetAsync(kind);
        await using var client = await AgentAsync(pbx, "fleiter", 4);
        await client.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1004\""));
        Assert.Equal(State("AgentReady", 4, "1004", "1,3"), await NextOf(client));
        ScenarioMember Member(string queue, bool paused = false, string reason = "") => new(queue, "PJSIP/1004", "PJSIP/1004", "Agent/2004", paused, reason);
        await MembersAre(pbx, "PJSIP/1004", Member("sales"), Member("billing"));

        await client.SendAsync(Command("pauseAgent", "\"reason\":\"coffee\""));
        Assert.Equal(State("AgentOnPause", 4, "1004", "1,3", "coffee"), await NextOf(client));
        await MembersAre(pbx, "PJSIP/1004", Member("sales", true, "coffee"), Member("billing", true, "coffee"));

        await client.SendAsync(Command("unpauseAgent"));
        Assert.Equal(State("AgentReady", 4, "1004", "1,3"), await NextOf(client));
        await MembersAre(pbx, "PJSIP/1004", Member("sales"), Member("billing"));

        await client.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 4, "1004", ""), await NextOf(client));
        await MembersAre(pbx, "PJSIP/1004");
    }

    /// <summary>
    /// A queue call rings the agent (a direct member, and a Local member <c>Local/1006@agents/n</c>), his phone answers,
    /// the caller hangs up: ringing, established and on call, released and wrap-up, ready, each pair compared whole.
    /// </summary>
    [Theory]
    [PbxSimData]
    [RealAsteriskData]
    public async Task A_queue_call_answered_by_a_direct_member_and_by_a_local_member(string kind)
    {
        var pbx = await fixture.GetAsync(kind);
        foreach (var (login, agent, phone, number, queue, queues) in new[] { ("qboothroyd", 3, "1003", "3000", "sales", "1,3"), ("vlynd", 6, "1006", "3001", "support", "2,3") })
        {
            await pbx.AnswerAfterAsync(phone, TimeSpan.FromSeconds(1));
            await using var client = await AgentAsync(pbx, login, agent);
            await client.SendAsync(Command("agentLogin", $"\"agentphonenumber\":\"{phone}\""));
            Assert.Equal(State("AgentReady", agent, phone, queues), await NextOf(client));

            var caller = await pbx.CallAsync("0612345678", number, new Dictionary<string, string> { ["__USR_ORDER"] = "4711" });
            var first = await NextOf(client);
            var second = await NextOf(client);
            var uid = await pbx.PhoneChannelAsync(phone);
            string Phone(string type) => PhoneEventsTests.PhoneEvent(type, phone, "0612345678", "", caller, uid, "Incoming", queue, """{"USR_ORDER":"4711"}""");
            SamePair(Pair(State("AgentRinging", agent, phone, queues), Phone("EventRinging")), Pair(first, second));
            SamePair(Pair(Phone("EventEstablished"), OnCall(agent, phone, queues)), Pair(await NextOf(client), await NextOf(client)));
            await pbx.HangupAsync(caller);
            SamePair(Pair(Phone("EventReleased"), State("AgentOnWrapup", agent, phone, queues)), Pair(await NextOf(client), await NextOf(client)));
            Assert.Equal(State("AgentReady", agent, phone, queues), await NextOf(client));

            await client.SendAsync(Command("agentLogout"));
            Assert.Equal(State("AgentLoggedOut", agent, phone, ""), await NextOf(client));
        }
    }

    /// <summary>The caller gives up while the agent's phone rings: released, and the agent is ready again.</summary>
    [Theory]
    [PbxSimData]
    [RealAsteriskData]
    public async Task An_abandoned_queue_call_leaves_the_agent_ready(string kind)
    {
        var pbx = await fixture.GetAsync(kind);
        await pbx.AnswerAfterAsync("1005", null);
        await using var client = await AgentAsync(pbx, "bmawdsley", 5);
        await client.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1005\""));
        Assert.Equal(State("AgentReady", 5, "1005", "1,3"), await NextOf(client));

        var caller = await pbx.CallAsync("0698765432", "3000");
        var first = await NextOf(client);
        var second = await NextOf(client);
        var uid = await pbx.PhoneChannelAsync("1005");
        string Phone(string type) => PhoneEventsTests.PhoneEvent(type, "1005", "0698765432", "", caller, uid, "Incoming", "sales");
        SamePair(Pair(State("AgentRinging", 5, "1005", "1,3"), Phone("EventRinging")), Pair(first, second));
        await pbx.HangupAsync(caller);
        SamePair(Pair(Phone("EventReleased"), State("AgentReady", 5, "1005", "1,3")), Pair(await NextOf(client), await NextOf(client)));

        await client.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 5, "1005", ""), await NextOf(client));
        await pbx.AnswerAfterAsync("1005", TimeSpan.FromSeconds(1));
    }

    /// <summary>Bob (line 1012) dials Alice (1011) from his desktop: his phone rings and answers, hers rings and answers, he hangs up.</summary>
    [Theory]
    [PbxSimData]
    [RealAsteriskData]
    public async Task An_internal_call_dialled_from_the_desktop_reaches_both_users(string kind)
    {
        var pbx = await fixture.GetAsync(kind);
        await pbx.AnswerAfterAsync("1012", TimeSpan.FromSeconds(1));
        await pbx.AnswerAfterAsync("1011", TimeSpan.FromSeconds(1));
        await using var bob = await CtiClient.LoginAsync(pbx.Server, "bob", "bob");
        await using var alice = await CtiClient.LoginAsync(pbx.Server, "alice", "alice");
        static Func<JObject, bool> Phone(string type, string otherDn) => f => FrameWatch.Is(f, "PhoneEvent")
            && (string?)f["ctiMessage"]!["eventType"] == type && (string?)f["ctiMessage"]!["otherDN"] == otherDn;

        await bob.SendAsync(Command("dial", "\"destination\":\"1011\""));
        var rang = (await FrameWatch.UntilAsync(alice, ("Alice's phone rings", Phone("EventRinging", "1012")))).Last();
        var aliceUid = await pbx.PhoneChannelAsync("1011");
        var linked = (string)rang["ctiMessage"]!["linkedId"]!;
        Assert.Equal(PhoneEventsTests.PhoneEvent("EventRinging", "1011", "1012", "Bob Durand", linked, aliceUid, "Incoming"), rang.ToString(Newtonsoft.Json.Formatting.None));
        var established = (await FrameWatch.UntilAsync(alice, ("Alice answered", Phone("EventEstablished", "1012")))).Last();
        Assert.Equal(PhoneEventsTests.PhoneEvent("EventEstablished", "1011", "1012", "Bob Durand", linked, aliceUid, "Incoming"), established.ToString(Newtonsoft.Json.Formatting.None));
        await FrameWatch.UntilAsync(bob, ("Bob is on the call", Phone("EventEstablished", "1011")));

        await bob.SendAsync(Command("hangup"));
        var released = (await FrameWatch.UntilAsync(alice, ("Alice's call released", Phone("EventReleased", "1012")))).Last();
        Assert.Equal(PhoneEventsTests.PhoneEvent("EventReleased", "1011", "1012", "Bob Durand", linked, aliceUid, "Incoming"), released.ToString(Newtonsoft.Json.Formatting.None));
        await FrameWatch.UntilAsync(bob, ("Bob's call released", Phone("EventReleased", "1011")));
    }

    /// <summary>
    /// Nobody answers a queue call: at the queue's ring timeout (app_queue's timer on Asterisk, told to the simulator)
    /// the agent's phone is released and he is ready again, while the caller waits on; the caller then gives up.
    /// </summary>
    [Theory]
    [PbxSimData]
    [RealAsteriskData]
    public async Task A_queue_call_the_agent_does_not_answer_releases_his_phone_at_the_ring_timeout(string kind)
    {
        var pbx = await fixture.GetAsync(kind);
        await pbx.AnswerAfterAsync("1001", null);
        await using var client = await AgentAsync(pbx, "jbond", 1);
        await client.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1001\""));
        Assert.Equal(State("AgentReady", 1, "1001", "1,3"), await NextOf(client));

        var caller = await pbx.CallAsync("0611223344", "3000");
        var first = await NextOf(client);
        var second = await NextOf(client);
        var uid = await pbx.PhoneChannelAsync("1001");
        string Phone(string type) => PhoneEventsTests.PhoneEvent(type, "1001", "0611223344", "", caller, uid, "Incoming", "sales");
        SamePair(Pair(State("AgentRinging", 1, "1001", "1,3"), Phone("EventRinging")), Pair(first, second));
        await pbx.RingTimeoutAsync("1001");
        // Asterisk's ring timeout (RealAsteriskPbx.QueueRingSeconds) is well within the patience. The queue then rings
        // him again (at once on the simulator, after queues.conf's retry on Asterisk): the frames of that round may come between.
        Func<JObject, bool> released = f => FrameWatch.Is(f, "PhoneEvent") && (string?)f["ctiMessage"]!["eventType"] == "EventReleased" && (string?)f["ctiMessage"]!["uniqueId"] == uid;
        Func<JObject, bool> ready = f => FrameWatch.AgentIs(f, 1, "AgentReady");
        var read = await FrameWatch.UntilAsync(client, ("the first ringing released", released), ("jbond ready again", ready));
        Assert.Equal(Phone("EventReleased"), read.First(released).ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal(State("AgentReady", 1, "1001", "1,3"), Settled(read.First(ready).ToString(Newtonsoft.Json.Formatting.None)));

        await pbx.HangupAsync(caller);
        await client.SendAsync(Command("agentLogout"));
        Assert.Equal(State("AgentLoggedOut", 1, "1001", ""), await StateWhen(client, 1, "jbond logged out", f => (string?)f["ctiMessage"]!["name"] == "AgentLoggedOut"));
        await pbx.AnswerAfterAsync("1001", TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Bob calls Alice from his desktop, she answers, then Bob transfers her blind to Holly (1010): Holly's phone
    /// rings with the call and answers, Bob's call is released; Alice hangs up.
    /// </summary>
    [Theory]
    [PbxSimData]
    [RealAsteriskData]
    public async Task A_blind_transfer_from_the_desktop_hands_the_call_to_the_destination(string kind)
    {
        var pbx = await fixture.GetAsync(kind);
        foreach (var line in new[] { "1012", "1011", "1010" }) await pbx.AnswerAfterAsync(line, TimeSpan.FromSeconds(1));
        await using var bob = await CtiClient.LoginAsync(pbx.Server, "bob", "bob");
        await using var alice = await CtiClient.LoginAsync(pbx.Server, "alice", "alice");
        await using var holly = await CtiClient.LoginAsync(pbx.Server, "hgoodhead", "hgoodhead");

        await bob.SendAsync(Command("dial", "\"destination\":\"1011\""));
        var linked = (string)JObject.Parse(await PhoneWhen(alice, "EventEstablished", "Alice answered"))["ctiMessage"]!["linkedId"]!;
        await PhoneWhen(bob, "EventEstablished", "Bob is on the call");

        await bob.SendAsync(Command("directTransfer", "\"destination\":\"1010\""));
        var rang = await PhoneWhen(holly, "EventRinging", "Holly's phone rings");
        var hollyUid = await pbx.PhoneChannelAsync("1010");
        Assert.Equal(PhoneEventsTests.PhoneEvent("EventRinging", "1010", "1011", "Alice Martin", linked, hollyUid, "Incoming"), rang);
        Assert.Equal(PhoneEventsTests.PhoneEvent("EventEstablished", "1010", "1011", "Alice Martin", linked, hollyUid, "Incoming"),
            await PhoneWhen(holly, "EventEstablished", "Holly answered"));
        await PhoneWhen(bob, "EventReleased", "Bob's call released");

        await alice.SendAsync(Command("hangup"));
        Assert.Equal(PhoneEventsTests.PhoneEvent("EventReleased", "1010", "1011", "Alice Martin", linked, hollyUid, "Incoming"),
            await PhoneWhen(holly, "EventReleased", "Holly's call released"));
    }
}
