using Xuc.PbxSim;
using Xuc.PbxSim.Model;

namespace Xuc.Tests.PbxSim;

/// <summary>
/// The manager actions a CTI sends for phone commands, as Asterisk 18 answers and runs them: Atxfer / CancelAtxfer
/// (main/manager.c, main/bridge_basic.c), MuteAudio (res/res_mutestream.c), BlindTransfer of an unbridged channel.
/// </summary>
public sealed class PbxSimPhoneActionTests
{
    private sealed class Recorder : IAmiEventSink
    {
        public List<string> Events { get; } = [];
        public void SendEvent(string text) { lock (Events) Events.Add(text); }
        public List<string> Names() { lock (Events) return Events.Select(e => e[7..e.IndexOf('\r')]).ToList(); }
    }

    private static string Header(string e, string name) =>
        e.Split("\r\n").First(l => l.StartsWith(name + ": "))[(name.Length + 2)..];

    /// <summary>1001 calls 1002 (answered); returns 1001's channel.</summary>
    private static (PbxModel Model, Recorder Events, SimChannel Transferer, SimChannel Transferee) Call()
    {
        var model = new PbxModel { EventLevel = SimEventLevel.Minimal };
        foreach (var e in new[] { "1001", "1002", "1003" }) model.AddEndpoint(e);
        model.Dial("1001", "1002");
        model.Answer("1002");
        var events = new Recorder();
        model.Subscribe(events);
        var (a, b) = model.Locked(() => (model.Channels.Single(c => c.Name.StartsWith("PJSIP/1001-")), model.Channels.Single(c => c.Name.StartsWith("PJSIP/1002-"))));
        return (model, events, a, b);
    }

    [Fact]
    public void Atxfer_holds_the_transferer_and_moves_its_one_channel_into_a_consultation_bridge_with_a_Local_target()
    {
        var (model, events, transferer, transferee) = Call();
        var original = transferer.Bridge!;
        model.Locked(() => model.ManagerAtxfer(transferer, "1003", null));

        var names = events.Names();
        // write_hold publishes Hold on the transferer (no MusicClass: moh_class NULL); dial_transfer's Local channel.
        Assert.Equal("Hold", names[0]);
        Assert.Equal(transferer.Name, Header(events.Events[0], "Channel"));
        Assert.DoesNotContain("MusicClass", events.Events[0]);
        var one = model.Locked(() => model.Channels.Single(c => c.Name.StartsWith("Local/1003@default-") && c.Name.EndsWith(";1")));
        Assert.Equal(transferer.Name, one.Variables["ATTENDEDTRANSFER"]);
        Assert.Equal(transferer.Name, one.Variables["TRANSFERERNAME"]);
        // The transferer keeps its channel: it left the transferee's bridge for the Local target's.
        Assert.Same(one.Bridge, transferer.Bridge);
        Assert.NotSame(original, transferer.Bridge);
        Assert.Same(original, transferee.Bridge);
        Assert.Equal(1, model.Locked(() => model.Channels.Count(c => c.Name.StartsWith("PJSIP/1001-"))));
        Assert.Equal(5, model.Locked(() => model.Channels.Single(c => c.Name.StartsWith("PJSIP/1003-")).State));
        Assert.True(names.IndexOf("BridgeLeave") < names.LastIndexOf("BridgeEnter"));
    }

    [Fact]
    public void Atxfer_completes_when_the_transferer_hangs_up_after_the_target_answered()
    {
        var (model, events, transferer, transferee) = Call();
        var original = transferer.Bridge!;
        model.Locked(() => model.ManagerAtxfer(transferer, "1003", null));
        model.Answer("1003");
        var one = model.Locked(() => model.Channels.Single(c => c.Name.EndsWith(";1")));
        Assert.Equal(6, one.State);
        events.Events.Clear();

        model.Locked(() => model.HangupByManager(transferer));

        // consulting_exit(TRANSFERER_HANGUP) → complete_enter: the target bridge merges into the transferee's.
        var transfer = events.Events.Single(e => e.StartsWith("Event: AttendedTransfer\r\n"));
        Assert.Equal("Success", Header(transfer, "Result"));
        Assert.Equal(transferer.Name, Header(transfer, "OrigTransfererChannel"));
        Assert.Equal(transferer.Name, Header(transfer, "SecondTransfererChannel"));
        Assert.Equal(transferee.Name, Header(transfer, "TransfereeChannel"));
        Assert.Equal(one.Name, Header(transfer, "TransferTargetChannel"));
        Assert.Equal("Bridge", Header(transfer, "DestType"));
        Assert.Equal(original.Uniqueid, Header(transfer, "DestBridgeUniqueid"));
        Assert.Equal("No", Header(transfer, "IsExternal"));
        Assert.Same(original, one.Bridge);
        Assert.Same(original, transferee.Bridge);
        Assert.Null(model.ChannelByName(transferer.Name));
        Assert.Equal(4, model.ChannelCount); // 1002, Local ;1 and ;2, 1003
        Assert.Contains("Hangup", events.Names());
    }

    [Fact]
    public void CancelAtxfer_brings_the_transferer_back_unheld_and_the_target_hangs_up()
    {
        var (model, events, transferer, transferee) = Call();
        var original = transferer.Bridge!;
        model.Locked(() => model.ManagerAtxfer(transferer, "1003", null));
        model.Answer("1003");
        events.Events.Clear();

        model.Locked(() => model.ManagerCancelAtxfer(transferer));

        // rebridge_enter: moved back, unhold(transferer); the destroyed target bridge hangs up the Local and 1003.
        Assert.Same(original, transferer.Bridge);
        Assert.Same(original, transferee.Bridge);
        Assert.False(transferer.OnHold);
        var unhold = events.Events.Single(e => e.StartsWith("Event: Unhold\r\n"));
        Assert.Equal(transferer.Name, Header(unhold, "Channel"));
        Assert.DoesNotContain("AttendedTransfer", events.Names());
        Assert.Equal(2, model.ChannelCount);
        Assert.Equal(3, events.Names().Count(n => n == "Hangup"));
    }

    [Fact]
    public void The_target_hanging_up_before_the_transfer_completes_is_a_rebridge_too()
    {
        var (model, _, transferer, _) = Call();
        var original = transferer.Bridge!;
        model.Locked(() => model.ManagerAtxfer(transferer, "1003", null));
        model.Answer("1003");
        model.Hangup("1003");
        Assert.Same(original, transferer.Bridge);
        Assert.False(transferer.OnHold);
        Assert.Equal(2, model.ChannelCount);
    }

    [Fact]
    public void Hanging_up_while_the_target_still_rings_is_a_blond_transfer_the_target_rings_for_the_transferee()
    {
        var (model, events, transferer, transferee) = Call();
        model.Locked(() => model.ManagerAtxfer(transferer, "1003", null));
        model.Locked(() => model.HangupByManager(transferer));
        Assert.Single(events.Events, e => e.StartsWith("Event: AttendedTransfer\r\n"));
        model.Answer("1003");
        var one = model.Locked(() => model.Channels.Single(c => c.Name.EndsWith(";1")));
        Assert.Same(transferee.Bridge, one.Bridge);
        Assert.Equal(6, one.State);
    }

    [Fact]
    public async Task The_manager_actions_answer_with_asterisks_words()
    {
        // Over the socket: what the dispatcher says for each case.
        var answers = await Run(async (sim, ami) =>
        {
            sim.Model.Dial("1001", "1002");
            var caller = sim.Model.Locked(() => sim.Model.Channels.Single(c => c.Name.StartsWith("PJSIP/1001-")).Name);
            var said = new List<string>();
            async Task Ask(string action)
            {
                await ami.SendAsync($"Action: {action}\r\nActionID: a{said.Count}\r\n\r\n");
                var m = await ami.ReadUntilAsync("ActionID", $"a{said.Count}");
                said.Add(m.Get("Response") + "|" + (m.Get("Message") ?? ""));
            }
            await Ask($"MuteAudio\r\nChannel: {caller}\r\nDirection: in\r\nState: on");
            Assert.True(sim.Model.ChannelByName(caller)!.MutedIn);
            Assert.False(sim.Model.ChannelByName(caller)!.MutedOut);
            await Ask($"MuteAudio\r\nChannel: {caller}\r\nDirection: in\r\nState: off");
            Assert.False(sim.Model.ChannelByName(caller)!.MutedIn);
            await Ask($"MuteAudio\r\nChannel: {caller}\r\nDirection: sideways\r\nState: on");
            await Ask("MuteAudio\r\nChannel: PJSIP/9999-00000001\r\nDirection: in\r\nState: on");
            await Ask($"MuteAudio\r\nChannel: {caller}\r\nDirection: in");
            await Ask($"CancelAtxfer\r\nChannel: {caller}");
            await Ask("CancelAtxfer\r\nChannel: PJSIP/9999-00000001");
            await Ask($"Atxfer\r\nChannel: {caller}\r\nExten: 1003");
            await Ask($"BlindTransfer\r\nChannel: {caller}\r\nExten: 1003");
            return said;
        });
        Assert.Equal([
            "Success|", "Success|", "Error|Failed to mute/unmute stream", "Error|No such channel", "Error|State not specified",
            "Success|CancelAtxfer successfully queued", "Error|Channel specified does not exist",
            // Not bridged yet (1002 rings): the feature never starts, yet the action was queued; a blind transfer is invalid.
            "Success|Atxfer successfully queued", "Error|Transfer invalid",
        ], answers);
    }

    [Fact]
    public async Task Received_actions_are_kept_only_when_asked()
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        await sim.StartAsync();
        await using var ami = await RawAmi.ConnectAsync(sim.Port);
        await ami.LoginAsync();
        await ami.SendAsync("Action: Ping\r\nActionID: p1\r\n\r\n");
        await ami.ReadUntilAsync("ActionID", "p1");
        Assert.Empty(sim.ReceivedActions);
        sim.RecordActions = true;
        await ami.SendAsync("Action: Setvar\r\nActionID: p2\r\nVariable: G\r\nValue: a: b\r\n\r\n");
        await ami.ReadUntilAsync("ActionID", "p2");
        var action = Assert.Single(sim.ReceivedActions);
        Assert.Equal([new("Action", "Setvar"), new("ActionID", "p2"), new("Variable", "G"), new KeyValuePair<string, string>("Value", "a: b")], action.Headers);
    }

    private static Task<List<string>> Run(Func<PbxSimulator, RawAmi, Task<List<string>>> body) => Task.Run(async () =>
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        foreach (var e in new[] { "1001", "1002", "1003" }) sim.Model.AddEndpoint(e);
        await sim.StartAsync();
        await using var ami = await RawAmi.ConnectAsync(sim.Port);
        await ami.LoginAsync(events: "off");
        return await body(sim, ami);
    });
}
