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

    private static async Task<(TestServer Server, PbxSimulator Sim)> StartAsync()
    {
        var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        sim.Model.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.Zero);
        await Wait.Until(async () => (await server.Http.GetAsync("/health/ready")).IsSuccessStatusCode, Within, "AMI connected");
        return (server, sim);
    }

    /// <summary>A user's socket once its connect sequence (8 frames, its phone AVAILABLE) is read.</summary>
    private static async Task<CtiClient> ConnectedAsync(TestServer server, string login)
    {
        var client = await CtiClient.LoginAsync(server, login, login);
        var frames = await client.ReceiveManyAsync(8);
        Assert.Equal(Status("AVAILABLE"), frames[6]);
        return client;
    }

    public static string PhoneEvent(string type, string dn, string otherDn, string otherDName, string linkedId, string uniqueId, string direction,
        string? queue = null, string userData = "{}")
        => "{\"msgType\":\"PhoneEvent\",\"ctiMessage\":{" +
           $"\"eventType\":\"{type}\",\"DN\":\"{dn}\",\"otherDN\":\"{otherDn}\",\"otherDName\":\"{otherDName}\",\"linkedId\":\"{linkedId}\",\"uniqueId\":\"{uniqueId}\"," +
           (queue is null ? "" : $"\"queueName\":\"{queue}\",") +
           $"\"callDirection\":\"{direction}\",\"userData\":{userData}}}}}";

    public static string Status(string status) => "{\"msgType\":\"PhoneStatusUpdate\",\"ctiMessage\":{\"status\":\"" + status + "\"}}";

    /// <summary>The next frames on <paramref name="socket"/> are exactly these (compared whole, one per line, so a failure shows the frames).</summary>
    private static async Task Expect(CtiClient socket, params string[] frames)
        => Assert.Equal(string.Join("\n", frames), string.Join("\n", await socket.ReceiveManyAsync(frames.Length)));

    /// <summary>The uniqueid of the phone's channel in the call (the simulator's own view).</summary>
    private static string ChannelOf(PbxSimulator sim, string exten)
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
        await Expect(caller,
            PhoneEvent("EventDialing", "1001", "1002", "", linked, u1, "Outgoing"));
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
            Status("CALLING"),
            PhoneEvent("EventEstablished", "1001", "1002", "Eve Moneypenny", linked, u1, "Outgoing"));

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
            Assert.Equal("""{"msgType":"CurrentCallsPhoneEvents","ctiMessage":{"events":[]}}""", await socket.ReceiveAsync());
        }
    }
}
