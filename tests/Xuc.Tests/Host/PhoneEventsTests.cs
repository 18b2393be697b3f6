using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Xuc.Actors.Messages.Queries;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Phone events end to end (docs/cti-websocket.md, "Phone events"): PbxSim → AMI → router → Line entities → this
/// node's line feed → each user's socket, compared frame by frame, whole. Demo users: jbond has line 1001,
/// mmoneypenny 1002, bob 1012; the simulator's phones answer only when told.
/// </summary>
public sealed class PhoneEventsTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    internal static async Task<(TestServer Server, PbxSimulator Sim)> StartAsync()
    {
        var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        sim.Model.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.Zero);
        await Wait.Until(async () => (await server.Http.GetAsync("/health/ready")).IsSuccessStatusCode, Within, "AMI connected");
        return (server, sim);
    }

    /// <summary>
    /// A user's socket once its connect sequence (8 frames, its phone AVAILABLE, then an agent's AgentStateEvent) is read and its line's feed serves it:
    /// the answer to getCurrentCallsPhoneEvents comes from the feed, after the session joined it (a call started
    /// earlier would reach the session as its current state rather than as each step).
    /// </summary>
    internal static async Task<CtiClient> ConnectedAsync(TestServer server, string login)
    {
        var client = await CtiClient.LoginAsync(server, login, login);
        var frames = await client.ReceiveConnectSequenceAsync(server, login, 8);
        Assert.Equal(Status("AVAILABLE"), frames[6]);
        // An agent's connect sequence ends with his AgentStateEvent (the demo agents start logged out).
        if (frames.Count == 9)
            Assert.Equal($$$"""{"msgType":"AgentStateEvent","ctiMessage":{"name":"AgentLoggedOut","agentId":{{{(await server.App.Store.FindUserByLoginAsync(login))!.AgentId}}},"phoneNb":"","since":0,"queues":[],"cause":""}}""",
                frames[8]);
        await client.SendAsync("""{"claz":"web","command":"getCurrentCallsPhoneEvents"}""");
        await Expect(client, NoCalls);
        return client;
    }

    private const string NoCalls = """{"msgType":"CurrentCallsPhoneEvents","ctiMessage":{"events":[]}}""";

    public static string PhoneEvent(string type, string dn, string otherDn, string otherDName, string linkedId, string uniqueId, string direction,
        string? queue = null, string userData = "{}")
        => "{\"msgType\":\"PhoneEvent\",\"ctiMessage\":{" +
           $"\"eventType\":\"{type}\",\"DN\":\"{dn}\",\"otherDN\":\"{otherDn}\",\"otherDName\":\"{otherDName}\",\"linkedId\":\"{linkedId}\",\"uniqueId\":\"{uniqueId}\"," +
           (queue is null ? "" : $"\"queueName\":\"{queue}\",") +
           $"\"callDirection\":\"{direction}\",\"userData\":{userData}}}}}";

    public static string Status(string status) => "{\"msgType\":\"PhoneStatusUpdate\",\"ctiMessage\":{\"status\":\"" + status + "\"}}";

    /// <summary>The next frames on <paramref name="socket"/> are exactly these (compared whole, one per line, so a failure shows the frames).</summary>
    internal static async Task Expect(CtiClient socket, params string[] frames)
    {
        var got = new List<string>();
        try
        {
            for (var i = 0; i < frames.Length; i++) got.Add(await socket.ReceiveAsync() ?? "(closed)");
        }
        catch (OperationCanceledException)
        {
            got.Add("(nothing more)");
        }
        Assert.True(frames.SequenceEqual(got), $"expected:\n{string.Join("\n", frames)}\ngot:\n{string.Join("\n", got)}");
    }

    /// <summary>The uniqueid of the phone's channel in the call (the simulator's own view).</summary>
    internal static string ChannelOf(PbxSimulator sim, string exten)
        => sim.Model.Locked(() => sim.Model.Channels.Single(c => c.Device == $"PJSIP/{exten}").Uniqueid);

    [Fact]
    public async Task An_internal_call_through_its_whole_life_on_both_users_sockets()
    {
        var (server, sim) = await StartAsync();
        await using var _ = server;
        await using var caller = await ConnectedAsync(server, "jbond");
        await using var callee = await ConnectedAsync(server, "mmoneypenny");

        var linked = sim.Model.Dial("1001", "1002");
        var u1 = linked;
        var u2 = ChannelOf(sim, "1002");
        // A phone dialling out is in use at once (its channel in state 4 Ring).
        await Expect(caller,
            PhoneEvent("EventDialing", "1001", "1002", "", linked, u1, "Outgoing"),
            Status("CALLING"));
        await Expect(callee,
            PhoneEvent("EventRinging", "1002", "1001", "James Bond", linked, u2, "Incoming"),
            Status("RINGING"));

        sim.Model.Answer("1002");
        await Expect(callee,
            PhoneEvent("EventEstablished", "1002", "1001", "James Bond", linked, u2, "Incoming"),
            Status("CALLING"));
        await Expect(caller,
            // Up before app_dial passes the callee's identity on: the dialled number, then the connected line.
            PhoneEvent("EventEstablished", "1001", "1002", "", linked, u1, "Outgoing"),
            PhoneEvent("EventEstablished", "1001", "1002", "Eve Moneypenny", linked, u1, "Outgoing"));

        await caller.SendAsync("""{"claz":"web","command":"getCurrentCallsPhoneEvents"}""");
        await Expect(caller, """{"msgType":"CurrentCallsPhoneEvents","ctiMessage":{"events":[""" +
            PhoneEvent("EventEstablished", "1001", "1002", "Eve Moneypenny", linked, u1, "Outgoing")["{\"msgType\":\"PhoneEvent\",\"ctiMessage\":".Length..^1] + "]}}");

        sim.Model.Hangup("1001");
        await Expect(caller,
            PhoneEvent("EventReleased", "1001", "1002", "Eve Moneypenny", linked, u1, "Outgoing"),
            Status("AVAILABLE"));
        await Expect(callee,
            PhoneEvent("EventReleased", "1002", "1001", "James Bond", linked, u2, "Incoming"),
            Status("AVAILABLE"));

        // Nothing else came: the next frame on each socket is the answer to its own request.
        foreach (var socket in new[] { caller, callee })
        {
            await socket.SendAsync("""{"claz":"web","command":"getCurrentCallsPhoneEvents"}""");
            await Expect(socket, NoCalls);
        }
    }

    /// <summary>
    /// An outside caller into a queue whose member is a Local channel (<c>Local/1001@agents/n</c>): the <c>;2</c> half
    /// dials PJSIP/1001, whose channel carries the caller's linkedid, so line 1001 shows the queue, the caller and the
    /// data the inbound route set (only XIVO_ and USR_, named without <c>__</c>) and a VarSet during the call; the
    /// router forgets the call once its last channel hung up.
    /// </summary>
    [Fact]
    public async Task A_queue_call_through_a_local_channel_member_shows_the_queue_the_caller_and_the_attached_data()
    {
        var (server, sim) = await StartAsync();
        await using var _ = server;
        await using var agent = await ConnectedAsync(server, "jbond");
        sim.Model.AddQueue("hotline", "3900");
        sim.Model.AddMember("hotline", "Local/1001@agents/n", "Agent 1001", stateInterface: "PJSIP/1001");

        var linked = sim.Model.ExternalCall("0612345678", "3900", variables: new Dictionary<string, string>
        {
            ["__USR_DATA1"] = "hello", ["USR_DATA2"] = "with space", ["_XIVO_SRCNUM"] = "0612345678", ["FOO"] = "not attached data",
        });
        var phone = ChannelOf(sim, "1001");
        const string data = """{"USR_DATA1":"hello","USR_DATA2":"with space","XIVO_SRCNUM":"0612345678"}""";
        await Expect(agent,
            PhoneEvent("EventRinging", "1001", "0612345678", "", linked, phone, "Incoming", "hotline", data),
            Status("RINGING"));

        // Data attached later, on another channel of the call (the caller's), reaches the phone's call too.
        sim.Model.Locked(() => sim.Model.SetChannelVariable(sim.Model.FindChannel(linked)!, "USR_DATA3", "later"));
        const string more = """{"USR_DATA1":"hello","USR_DATA2":"with space","USR_DATA3":"later","XIVO_SRCNUM":"0612345678"}""";
        await Expect(agent, PhoneEvent("EventRinging", "1001", "0612345678", "", linked, phone, "Incoming", "hotline", more));

        sim.Model.Answer("1001");
        await Expect(agent,
            PhoneEvent("EventEstablished", "1001", "0612345678", "", linked, phone, "Incoming", "hotline", more),
            Status("CALLING"));

        sim.Model.Hangup(linked);
        await Expect(agent,
            PhoneEvent("EventReleased", "1001", "0612345678", "", linked, phone, "Incoming", "hotline", more),
            Status("AVAILABLE"));
        var router = server.App.Web.Services.GetRequiredService<ActorSystem>().ActorSelection("/user/ami-connection/ami-connection/router");
        await Wait.Until(async () => await router.Ask<int>(CountCalls.Instance, TimeSpan.FromSeconds(5)) == 0, Within, "the router forgot the call");
    }

    /// <summary>jbond's 1001 calls mmoneypenny's 1002, who answers; both sockets have read the call so far (4 frames each).</summary>
    private static async Task<(CtiClient Caller, CtiClient Callee, string Linked, string CalleeUid)> AnsweredCallAsync(TestServer server, PbxSimulator sim)
    {
        var caller = await ConnectedAsync(server, "jbond");
        var callee = await ConnectedAsync(server, "mmoneypenny");
        var linked = sim.Model.Dial("1001", "1002");
        var calleeUid = ChannelOf(sim, "1002");
        sim.Model.Answer("1002");
        await caller.ReceiveManyAsync(4);
        await callee.ReceiveManyAsync(4);
        return (caller, callee, linked, calleeUid);
    }

    [Fact]
    public async Task Hold_and_unhold_show_on_the_holding_phone_only()
    {
        var (server, sim) = await StartAsync();
        await using var _ = server;
        var (caller, callee, linked, u2) = await AnsweredCallAsync(server, sim);
        await using var callerSocket = caller;
        await using var calleeSocket = callee;

        sim.Model.Hold("1001", true);
        await Expect(caller,
            PhoneEvent("EventOnHold", "1001", "1002", "Eve Moneypenny", linked, linked, "Outgoing"),
            Status("ONHOLD"));
        sim.Model.Hold("1001", false);
        await Expect(caller,
            PhoneEvent("EventEstablished", "1001", "1002", "Eve Moneypenny", linked, linked, "Outgoing"),
            Status("CALLING"));

        // The held party's phone showed nothing of it: its next frames are the end of the call.
        sim.Model.Hangup("1002");
        await Expect(callee,
            PhoneEvent("EventReleased", "1002", "1001", "James Bond", linked, u2, "Incoming"),
            Status("AVAILABLE"));
    }

    [Fact]
    public async Task A_call_that_ends_while_the_AMI_link_is_down_is_released_after_the_reconnection()
    {
        var (server, sim) = await StartAsync();
        await using var _ = server;
        var (caller, callee, linked, u2) = await AnsweredCallAsync(server, sim);
        await using var callerSocket = caller;
        await using var calleeSocket = callee;

        sim.DisconnectClients();
        sim.Model.Hangup("1002");
        await Expect(caller,
            PhoneEvent("EventReleased", "1001", "1002", "Eve Moneypenny", linked, linked, "Outgoing"),
            Status("AVAILABLE"));
        await Expect(callee,
            PhoneEvent("EventReleased", "1002", "1001", "James Bond", linked, u2, "Incoming"),
            Status("AVAILABLE"));
    }

    /// <summary>
    /// Two users, two phones: each sees only its own phone's events. A session that must get nothing is proven with a
    /// marker: its next frame is an event of its own phone, made after the other phone's call had fully reached its
    /// owner (so a misrouted frame, sent by the same feed in the same turn, would have come first).
    /// </summary>
    [Fact]
    public async Task Each_phones_events_reach_its_users_sessions_and_no_others_both_ways()
    {
        var (server, sim) = await StartAsync();
        await using var _ = server;
        await using var james = await ConnectedAsync(server, "jbond");
        await using var jamesAgain = await ConnectedAsync(server, "jbond");
        await using var bob = await ConnectedAsync(server, "bob");

        var first = sim.Model.Dial("1001", "1005");
        sim.Model.Hangup("1001");
        foreach (var socket in new[] { james, jamesAgain })
            await Expect(socket,
                PhoneEvent("EventDialing", "1001", "1005", "", first, first, "Outgoing"),
                Status("CALLING"),
                PhoneEvent("EventReleased", "1001", "1005", "", first, first, "Outgoing"),
                Status("AVAILABLE"));

        var bobs = sim.Model.Dial("1012", "1011");
        await Expect(bob, PhoneEvent("EventDialing", "1012", "1011", "", bobs, bobs, "Outgoing"), Status("CALLING"));
        sim.Model.Hangup("1012");
        await Expect(bob, PhoneEvent("EventReleased", "1012", "1011", "", bobs, bobs, "Outgoing"), Status("AVAILABLE"));

        var second = sim.Model.Dial("1001", "1005");
        foreach (var socket in new[] { james, jamesAgain })
            await Expect(socket, PhoneEvent("EventDialing", "1001", "1005", "", second, second, "Outgoing"), Status("CALLING"));
    }

    [Fact]
    public async Task Phone_hints_are_pushed_on_subscription_and_on_every_change_until_unsubscribed()
    {
        var (server, sim) = await StartAsync();
        await using var _ = server;
        await using var bob = await ConnectedAsync(server, "bob");
        await using var alice = await ConnectedAsync(server, "alice");
        const string hint1002 = """{"msgType":"PhoneHintStatusEvent","ctiMessage":{"number":"1002","status":STATUS}}""";
        string Hint(int status) => hint1002.Replace("STATUS", status.ToString());

        await bob.SendAsync("""{"claz":"web","command":"subscribeToPhoneHints","phoneNumbers":["1002","9999"]}""");
        Assert.Equal(
            [Hint(0), """{"msgType":"PhoneHintStatusEvent","ctiMessage":{"number":"9999","status":-2}}"""],
            (await bob.ReceiveManyAsync(2)).Order(StringComparer.Ordinal));
        await alice.SendAsync("""{"claz":"web","command":"subscribeToPhoneHints","phoneNumbers":["1002"]}""");
        await Expect(alice, Hint(0));

        sim.Model.Dial("1003", "1002");
        sim.Model.Answer("1002");
        sim.Model.Hangup("1002");
        foreach (var socket in new[] { bob, alice }) await Expect(socket, Hint(8), Hint(1), Hint(0));

        await bob.SendAsync("""{"claz":"web","command":"unsubscribeFromAllPhoneHints"}""");
        await bob.SendAsync("""{"claz":"web","command":"getCurrentCallsPhoneEvents"}""");
        await Expect(bob, NoCalls);
        sim.Model.Dial("1003", "1002");
        await Expect(alice, Hint(8));
        await bob.SendAsync("""{"claz":"ping"}""");
        await Expect(bob, """{"msgType":"Pong","ctiMessage":{}}""");

        await bob.SendAsync("""{"claz":"web","command":"subscribeToPhoneHints","phoneNumbers":[1002]}""");
        await Expect(bob, """{"msgType":"Error","ctiMessage":{"Error":"InvalidArgument","message":"subscribeToPhoneHints: 'phoneNumbers' must hold strings only, not integer"}}""");
    }
}
