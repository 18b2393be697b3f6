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
        // The Queue step ran and app_queue's set_queue_result said why (what the call history reads).
        Assert.Contains(rec.Named("Newexten"), e => e.Contains("Application: Queue\r\nAppData: night,"));
        Assert.Contains(rec.Named("VarSet"), e => e.Contains("Variable: QUEUESTATUS\r\nValue: JOINEMPTY\r\n"));
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

    private static string Called(string agentCalled) =>
        agentCalled.Split("\r\n").Single(l => l.StartsWith("Interface: "))["Interface: ".Length..];

    [Fact]
    public void Ringall_rings_the_best_penalty_tier_and_the_next_tier_only_when_the_first_cannot_answer()
    {
        var model = new PbxModel();
        var rec = new Recorder();
        model.Subscribe(rec);
        foreach (var e in new[] { "1001", "1002", "1003" }) model.AddEndpoint(e);
        model.AddQueue("sales", "3000");
        model.AddMember("sales", "PJSIP/1001");
        model.AddMember("sales", "PJSIP/1002");
        model.AddMember("sales", "PJSIP/1003", penalty: 1);

        var first = model.ExternalCall("0600000000", "3000");
        Assert.Equal(["PJSIP/1001", "PJSIP/1002"], rec.Named("AgentCalled").Select(Called));
        model.Hangup(first);
        rec.Events.Clear();

        model.PauseMember("PJSIP/1001", true, "sales");
        model.PauseMember("PJSIP/1002", true, "sales");
        model.ExternalCall("0600000001", "3000");
        Assert.Equal(["PJSIP/1003"], rec.Named("AgentCalled").Select(Called));
    }

    [Fact]
    public void Rrmemory_rings_one_member_at_a_time_starting_after_the_one_rung_last()
    {
        var model = new PbxModel();
        var rec = new Recorder();
        model.Subscribe(rec);
        foreach (var e in new[] { "1001", "1002", "1003" }) model.AddEndpoint(e);
        model.AddQueue("support", "3001", QueueStrategy.RrMemory);
        foreach (var e in new[] { "1001", "1002", "1003" }) model.AddMember("support", "PJSIP/" + e);

        var first = model.ExternalCall("0600000000", "3001");
        Assert.Equal(["PJSIP/1001"], rec.Named("AgentCalled").Select(Called));
        model.Answer("1001");
        model.Hangup(first);
        rec.Events.Clear();

        // The next caller starts after 1001; 1002 does not answer, so 1003 is tried.
        model.ExternalCall("0600000001", "3001");
        Assert.Equal(["PJSIP/1002"], rec.Named("AgentCalled").Select(Called));
        model.RingTimeout("1002");
        Assert.Contains("Interface: PJSIP/1002", Assert.Single(rec.Named("AgentRingNoAnswer")));
        Assert.Equal(["PJSIP/1002", "PJSIP/1003"], rec.Named("AgentCalled").Select(Called));
    }

    [Fact]
    public async Task A_caller_leaves_the_queue_when_its_timeout_expires_and_the_ringing_stops()
    {
        var model = new PbxModel();
        var rec = new Recorder();
        model.Subscribe(rec);
        model.AddEndpoint("1001");
        model.AddQueue("short", "3200", timeoutSeconds: 1);
        model.AddMember("short", "PJSIP/1001");
        var caller = model.ExternalCall("0600000000", "3200");
        Assert.Single(rec.Named("AgentCalled"));

        // The timeout fires on the simulator's clock thread: read the recorder under its lock.
        int Hangups() { lock (rec.Events) return rec.Named("Hangup").Count(); }
        await Xuc.Tests.Support.Wait.Until(() => Task.FromResult(Hangups() == 2), TimeSpan.FromSeconds(5), "the caller timed out and both legs hung up");
        lock (rec.Events)
        {
            Assert.Contains($"Uniqueid: {caller}", Assert.Single(rec.Named("QueueCallerLeave")));
            Assert.Empty(rec.Named("AgentConnect"));
        }
        Assert.Equal(0, model.ChannelCount);
    }

    [Theory]
    [InlineData("\"Alice Martin\" <0612345678>", "0612345678", "Alice Martin")]
    [InlineData("Bob <+33 (1) 23-45.67>", "+33123 4567", "Bob")]
    [InlineData("2001", "2001", null)]
    [InlineData("Reception", null, "Reception")]
    [InlineData("", null, null)]
    public void Originate_callerid_is_split_as_ast_callerid_parse_does(string header, string? number, string? name)
    {
        var (n, m) = OriginateRequest.ParseCallerId(header);
        Assert.Equal((number?.Replace(" ", ""), name), (n, m));
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
    }

    /// <summary>
    /// A load run over the HTTP control API: its figures are what the PBX did, as a manager session saw it (one
    /// QueueCallerJoin per call, one AgentConnect and AgentComplete per answered call, one QueueCallerAbandon per abandon).
    /// </summary>
    [Fact]
    public async Task A_load_run_over_http_reports_the_calls_the_queue_answered_and_lost()
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(sim.Model);
        await sim.StartAsync();
        await using var control = new ControlServer(sim, 0);
        control.Start();
        await using var ami = await RawAmi.ConnectAsync(sim.Port);
        await ami.LoginAsync();
        Assert.Equal("FullyBooted", (await ami.ReadAsync())!.Get("Event"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{control.Port}/") };

        // Callers who stay (a long talk time, so a slow start cannot turn them into abandons): all answered.
        var stay = await LoadAsync(http, "load?queue=support&cps=4&seconds=1&answer=1&abandon=0&talkMs=3000");
        // Callers who give up at once: whatever the queue managed, the figures are what it did.
        var leave = await LoadAsync(http, "load?queue=sales&cps=5&seconds=1&answer=0&abandon=1&talkMs=3000");
        await ami.SendAsync("Action: Ping\r\nActionID: load-end\r\n\r\n");
        await ami.ReadUntilAsync("ActionID", "load-end", TimeSpan.FromSeconds(30));
        int Seen(string name, string queue) => ami.Log.Count(m => m.Get("Event") == name && m.Get("Queue") == queue);

        Assert.Equal((0, 0), (stay.Failed, leave.Failed));
        Assert.InRange(stay.Calls, 1, 5); // at most one a quarter second, and support has five members
        Assert.Equal((stay.Calls, 0), (stay.Answered, stay.Abandoned));
        foreach (var (queue, run) in new[] { ("support", stay), ("sales", leave) })
        {
            Assert.Equal(run.Calls, Seen("QueueCallerJoin", queue));
            Assert.Equal(run.Calls, run.Answered + run.Abandoned);
            Assert.Equal((run.Answered, run.Answered, run.Abandoned), (Seen("AgentConnect", queue), Seen("AgentComplete", queue), Seen("QueueCallerAbandon", queue)));
        }
        Assert.Equal(0, sim.Model.ChannelCount);
    }

    private static async Task<LoadResult> LoadAsync(HttpClient http, string request)
    {
        var response = await http.PostAsync(request, null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var figures = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        int Figure(string name) => figures.RootElement.GetProperty(name).GetInt32();
        return new LoadResult(Figure("calls"), Figure("answered"), Figure("abandoned"), Figure("failed"));
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
        Assert.Equal(("p1", "Pong"), (answer!.Get("ActionID"), answer!.Get("Ping")));

        Assert.Equal((200, "{\"withheld\":[],\"delayMs\":0}"), await control.DispatchAsync("POST", ["faults", "clear"], []));
        Assert.Equal(TimeSpan.Zero, sim.Faults.ResponseDelay);
    }

    /// <summary>
    /// CoreShowChannel tells who placed a call: the channel app_dial requested runs <c>AppDial</c> (app_dial.c
    /// dial_exec_full: ast_channel_appl_set(tc, "AppDial"), data "(Outgoing Line)"), a queue member's runs
    /// <c>AppQueue</c> (app_queue.c ring_entry), the phone that dialled runs Dial in state 4 Ring.
    /// </summary>
    [Fact]
    public void Channels_requested_by_dial_and_queue_list_AppDial_and_AppQueue_as_their_application()
    {
        var model = new PbxModel { EventLevel = SimEventLevel.Minimal };
        foreach (var exten in new[] { "1001", "1002", "1003" }) model.AddEndpoint(exten);
        model.AddQueue("hotline", "3900");
        model.AddMember("hotline", "PJSIP/1003");
        model.Dial("1001", "1002");
        model.ExternalCall("0612345678", "3900");

        var listed = model.Locked(() => model.CoreShowChannelEvents(null).ToList())
            .Select(e => e.Split("\r\n").Where(l => l.Contains(": ")).Select(l => l.Split(": ", 2)).GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.First()[1]))
            .ToDictionary(h => h["Channel"][..h["Channel"].LastIndexOf('-')], h => (h["ChannelState"], h["Application"], h["ApplicationData"]));
        Assert.Equal(("4", "Dial", "PJSIP/1002,30"), listed["PJSIP/1001"]);
        Assert.Equal(("5", "AppDial", "(Outgoing Line)"), listed["PJSIP/1002"]);
        Assert.Equal(("5", "AppQueue", "(Outgoing Line)"), listed["PJSIP/1003"]);
        Assert.Equal(("4", "Queue", "hotline,t,,,0"), listed["PJSIP/trunk"]);
    }

    /// <summary>
    /// A phone dialling out is in use from the start: its channel is in state 4 Ring, which main/channel.c's
    /// ast_state_chan2dev maps to AST_DEVICE_INUSE (chan_pjsip_devicestate aggregates its channels that way), not
    /// only once the callee answers.
    /// </summary>
    [Fact]
    public void A_phone_dialling_out_is_in_use_before_the_callee_answers()
    {
        var model = new PbxModel { EventLevel = SimEventLevel.Minimal };
        var rec = new Recorder();
        model.Subscribe(rec);
        model.AddEndpoint("1001");
        model.AddEndpoint("1002");
        model.Dial("1001", "1002");
        Assert.Equal(["Device: PJSIP/1001\r\nState: INUSE", "Device: PJSIP/1002\r\nState: RINGING"],
            rec.Named("DeviceStateChange").Select(e => e[e.IndexOf("Device: ", StringComparison.Ordinal)..].TrimEnd()));
    }
}
