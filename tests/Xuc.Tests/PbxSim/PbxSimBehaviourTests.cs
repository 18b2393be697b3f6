using System.Collections.Specialized;
using Xuc.PbxSim;
using Xuc.PbxSim.Control;
using Xuc.PbxSim.Model;

namespace Xuc.Tests.PbxSim;

/// <summary>app_queue options and the control surface, straight on the model.</summary>
public sealed class PbxSimBehaviourTests
{
    private sealed class Recorder : IAmiEventSink
    {
        public List<string> Events { get; } = [];
        public void SendEvent(string text) { lock (Events) Events.Add(text); }
        public IEnumerable<string> Named(string name) => Events.Where(e => e.StartsWith($"Event: {name}\r\n"));
    }

    [Fact]
    public void Joinempty_no_refuses_callers_when_no_member_can_answer()
    {
        var model = new PbxModel();
        var rec = new Recorder();
        model.Subscribe(rec);
        model.AddEndpoint("1001");
        model.AddQueue("night", "3100", joinEmpty: false);
        model.ExternalCall("0600000000", "3100");
        Assert.Empty(rec.Named("QueueCallerJoin"));
        Assert.Single(rec.Named("Hangup"));
        model.AddMember("night", "PJSIP/1001");
        model.ExternalCall("0600000001", "3100");
        Assert.Single(rec.Named("QueueCallerJoin"));
    }

    [Fact]
    public void A_member_in_wrap_up_is_not_rung_and_a_paused_one_neither()
    {
        var model = new PbxModel();
        var rec = new Recorder();
        model.Subscribe(rec);
        model.AddEndpoint("1001");
        model.AddEndpoint("1002");
        model.AddQueue("sales", "3000", wrapUpSeconds: 60);
        model.AddMember("sales", "PJSIP/1001");
        model.AddMember("sales", "PJSIP/1002", paused: true);
        var first = model.ExternalCall("0600000000", "3000");
        model.Answer("1001");
        model.Hangup(first);
        Assert.Single(rec.Named("AgentComplete"));
        rec.Events.Clear();
        model.ExternalCall("0600000001", "3000");
        Assert.Empty(rec.Named("AgentCalled"));
        model.PauseMember("PJSIP/1002", false, "sales");
        Assert.Contains("Interface: PJSIP/1002", Assert.Single(rec.Named("AgentCalled")));
    }

    [Fact]
    public void Chan_sip_naming_is_an_option()
    {
        var model = new PbxModel("SIP");
        var rec = new Recorder();
        model.Subscribe(rec);
        model.AddEndpoint("1001");
        model.AddEndpoint("1002");
        model.Dial("1001", "1002");
        Assert.Contains("Channel: SIP/1001-", rec.Named("Newchannel").First());
        Assert.Contains("DestChannel: SIP/1002-", rec.Named("DialBegin").Single());
    }

    [Fact]
    public async Task The_control_surface_drives_calls_and_refuses_nonsense_with_400()
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(sim.Model);
        await sim.StartAsync();
        var control = new ControlServer(sim, 0);
        var (status, body) = await control.DispatchAsync("POST", ["calls"], new NameValueCollection { ["from"] = "0611", ["to"] = "3000" });
        Assert.Equal(200, status);
        Assert.Contains("uniqueid", body);
        Assert.Equal(200, (await control.DispatchAsync("POST", ["endpoints", "1002", "answer"], [])).Status);
        Assert.Equal(2, sim.Model.ChannelCount);
        Assert.Equal(400, (await control.DispatchAsync("POST", ["endpoints", "1002", "answer"], [])).Status);
        Assert.Equal(400, (await control.DispatchAsync("POST", ["endpoints", "9999", "hangup"], [])).Status);
        Assert.Equal(404, (await control.DispatchAsync("POST", ["nope"], [])).Status);
        var load = await control.DispatchAsync("POST", ["load"], new NameValueCollection { ["queue"] = "support", ["cps"] = "20", ["seconds"] = "0.5", ["talkMs"] = "100" });
        Assert.Equal(200, load.Status);
        Assert.Contains("\"calls\":", load.Body);
    }

    [Fact]
    public async Task Faults_are_switched_on_and_off_over_the_control_surface_and_a_withheld_action_gets_no_answer()
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(sim.Model);
        await sim.StartAsync();
        var control = new ControlServer(sim, 0);
        Assert.Equal((200, "{\"withheld\":[\"QueueStatus\"],\"delayMs\":0}"),
            await control.DispatchAsync("POST", ["faults", "withhold"], new NameValueCollection { ["action"] = "QueueStatus" }));
        Assert.Equal((200, "{\"withheld\":[\"QueueStatus\"],\"delayMs\":250}"),
            await control.DispatchAsync("POST", ["faults", "delay"], new NameValueCollection { ["ms"] = "250" }));
        Assert.Equal(400, (await control.DispatchAsync("POST", ["faults", "delay"], [])).Status);

        await using var ami = await RawAmi.ConnectAsync(sim.Port);
        await ami.LoginAsync(events: "off");
        await ami.SendAsync("Action: QueueStatus\r\nActionID: lost\r\n\r\nAction: Ping\r\nActionID: p1\r\n\r\n");
        var answer = await ami.ReadAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(("p1", "Pong"), (answer!.Get("ActionID"), answer.Get("Ping")));

        Assert.Equal((200, "{\"withheld\":[],\"delayMs\":0}"), await control.DispatchAsync("POST", ["faults", "clear"], []));
        Assert.Equal(TimeSpan.Zero, sim.Faults.ResponseDelay);
    }
}
