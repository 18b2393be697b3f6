using Xuc.PbxSim.Model;

namespace Xuc.Tests.PbxSim;

/// <summary>
/// ChanSpy run by an application Originate, as app_chanspy.c (branch 18) does it: ChanSpyStart / ChanSpyStop with the
/// spyer's and the spyee's channel snapshots (manager_channels.c channel_chanspy_start_cb / _stop_cb,
/// ast_manager_build_channel_state_string_prefix), the wait for another channel after the spyee hangs up (common_exec's
/// loop), and the options b, E and S. Frames compared whole.
/// </summary>
public sealed class PbxSimChanSpyTests
{
    private sealed class Recorder : IAmiEventSink
    {
        public List<string> Events { get; } = [];
        public void SendEvent(string text) { lock (Events) Events.Add(text); }
        public List<string> Take() { lock (Events) { var all = Events.ToList(); Events.Clear(); return all; } }
    }

    private static string Block(string prefix, SimChannel c, int state) =>
        $"{prefix}Channel: {c.Name}\r\n{prefix}ChannelState: {state}\r\n{prefix}ChannelStateDesc: {SimChannel.StateDesc(state)}\r\n" +
        $"{prefix}CallerIDNum: {Or(c.CallerIdNum)}\r\n{prefix}CallerIDName: {Or(c.CallerIdName)}\r\n" +
        $"{prefix}ConnectedLineNum: {Or(c.ConnectedNum)}\r\n{prefix}ConnectedLineName: {Or(c.ConnectedName)}\r\n{prefix}Language: en\r\n" +
        $"{prefix}AccountCode: \r\n{prefix}Context: {c.Context}\r\n{prefix}Exten: {c.Exten}\r\n{prefix}Priority: {c.Priority}\r\n" +
        $"{prefix}Uniqueid: {c.Uniqueid}\r\n{prefix}Linkedid: {c.Linkedid}\r\n";

    private static string Or(string s) => s.Length == 0 ? "<unknown>" : s;

    private static string Spy(string name, SimChannel spyer, SimChannel spyee) =>
        $"Event: {name}\r\nPrivilege: call,all\r\n" + Block("Spyer", spyer, 6) + Block("Spyee", spyee, 6) + "\r\n";

    private static (PbxModel Model, Recorder Events) Pbx()
    {
        var model = new PbxModel { EventLevel = SimEventLevel.Minimal };
        foreach (var e in new[] { "1001", "1002", "1003", "1011" })
        {
            model.AddEndpoint(e);
            model.SetEndpointBehaviour(e, EndpointBehaviour.Manual);
        }
        var events = new Recorder();
        model.Subscribe(events);
        return (model, events);
    }

    private static SimChannel Channel(PbxModel model, string prefix) => model.Locked(() => model.Channels.Single(c => c.Name.StartsWith(prefix)));

    /// <summary>The CTI's listen: an Originate to 1011 running ChanSpy(PJSIP/1001-,options), answered.</summary>
    private static SimChannel Listen(PbxModel model, string options)
    {
        model.Locked(() => model.Originate(new OriginateRequest
        {
            Channel = "PJSIP/1011", Application = "ChanSpy", Data = "PJSIP/1001-," + options, CallerIdNum = "1001", CallerIdName = "Listen James Bond",
        }, syncDone: null));
        model.Answer("1011");
        return Channel(model, "PJSIP/1011-");
    }

    [Fact]
    public void ChanSpy_spies_on_the_agents_bridged_channel_stops_when_his_call_ends_and_waits_for_his_next_call_until_the_spyer_hangs_up()
    {
        var (model, events) = Pbx();
        model.Dial("1002", "1001");                 // his phone rings: not bridged, so option b waits
        var spyer = Listen(model, "bq");
        Assert.DoesNotContain(events.Take(), e => e.StartsWith("Event: ChanSpy"));

        model.Answer("1001");
        var agent = Channel(model, "PJSIP/1001-");
        var seen = events.Take();
        var start = seen.Single(e => e.StartsWith("Event: ChanSpyStart\r\n"));
        Assert.Equal(Spy("ChanSpyStart", spyer, agent), start);
        // It starts once the agent's channel is in the bridge (common_exec's ast_channel_is_bridged check).
        Assert.True(seen.FindIndex(e => e.StartsWith("Event: BridgeEnter\r\n") && e.Contains($"Channel: {agent.Name}\r\n")) < seen.IndexOf(start));

        // The caller hangs up: the agent's channel leaves; ChanSpyStop (his snapshot as it was) comes before his Hangup.
        model.Hangup("1002");
        seen = events.Take();
        var stop = seen.Single(e => e.StartsWith("Event: ChanSpyStop\r\n"));
        Assert.Equal(Spy("ChanSpyStop", spyer, agent), stop);
        Assert.True(seen.IndexOf(stop) < seen.FindIndex(e => e.StartsWith("Event: Hangup\r\n") && e.Contains($"Channel: {agent.Name}\r\n")));
        Assert.Equal(6, model.Locked(() => spyer.State)); // without E or S ChanSpy stays, waiting

        // His next call is spied on in turn; then the supervisor hangs up: ChanSpyStop first, then his Hangup.
        model.Dial("1001", "1003");
        model.Answer("1003");
        var next = Channel(model, "PJSIP/1001-");
        Assert.Equal([Spy("ChanSpyStart", spyer, next)], events.Take().Where(e => e.StartsWith("Event: ChanSpy")));
        model.Hangup("1011");
        seen = events.Take();
        Assert.Equal("Event: HangupRequest", seen[0][..20]);
        Assert.Equal(Spy("ChanSpyStop", spyer, next), seen[1]);
        Assert.StartsWith("Event: Hangup\r\n", seen[2]);
        Assert.Contains($"Channel: {spyer.Name}\r\n", seen[2]);
        Assert.Equal(6, next.State); // the agent's call goes on
    }

    [Fact]
    public void With_E_ChanSpy_exits_when_the_spied_on_channel_hangs_up_and_without_b_it_spies_on_a_ringing_channel()
    {
        var (model, events) = Pbx();
        model.Dial("1002", "1001");
        var spyer = Listen(model, "qE");
        var ringing = Channel(model, "PJSIP/1001-");
        Assert.Equal([$"Event: ChanSpyStart\r\nPrivilege: call,all\r\n" + Block("Spyer", spyer, 6) + Block("Spyee", ringing, 5) + "\r\n"],
            events.Take().Where(e => e.StartsWith("Event: ChanSpy")));

        model.Reject("1001");
        var seen = events.Take();
        var stop = seen.FindIndex(e => e.StartsWith("Event: ChanSpyStop\r\n"));
        var agentGone = seen.FindIndex(e => e.StartsWith("Event: Hangup\r\n") && e.Contains($"Channel: {ringing.Name}\r\n"));
        var spyerGone = seen.FindIndex(e => e.StartsWith("Event: Hangup\r\n") && e.Contains($"Channel: {spyer.Name}\r\n"));
        Assert.True(stop >= 0 && stop < agentGone && agentGone < spyerGone, string.Join("\n", seen.Select(e => e[..e.IndexOf('\r')])));
        Assert.Equal(0, model.ChannelCount);
    }

    [Theory]
    [InlineData("PJSIP/1001-,bq", "PJSIP/1001-", true, false, false, false)]
    [InlineData("PJSIP/1001-0000002a,uES", "PJSIP/1001-0000002a", false, true, true, true)]
    [InlineData("SIP/,g(sales)v(-2)bq", "SIP/", true, false, false, false)]
    public void ChanSpy_reads_its_spec_and_options_as_app_chanspy_does(string data, string spec, bool bridged, bool exitOnHangup, bool stopWhenNone, bool byUniqueid)
    {
        var spy = ChanSpy.Parse(data);
        Assert.Equal((spec, bridged, exitOnHangup, stopWhenNone, byUniqueid), (spy.Spec, spy.BridgedOnly, spy.ExitOnHangup, spy.StopWhenNone, spy.ByUniqueid));
    }
}
