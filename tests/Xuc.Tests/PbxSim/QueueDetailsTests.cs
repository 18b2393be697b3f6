using Xuc.PbxSim.Model;

namespace Xuc.Tests.PbxSim;

/// <summary>app_queue and core details the golden fixtures leave to <c>*</c> (clock values) or do not cover, on a fixed clock.</summary>
public sealed class QueueDetailsTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Recorder : IAmiEventSink
    {
        public List<string> Events { get; } = [];
        public void SendEvent(string text) => Events.Add(text);
        public string Single(string name) => Assert.Single(Events, e => e.StartsWith($"Event: {name}\r\n"));
        public static string Header(string e, string name) => HeaderOrNull(e, name) ?? throw new InvalidOperationException($"no {name}");
        public static string? HeaderOrNull(string e, string name) => e.Split("\r\n").SingleOrDefault(l => l.StartsWith(name + ": "))?[(name.Length + 2)..];
    }

    private static (PbxModel Model, Clock Clock, Recorder Events) Queue(QueueAutoPause autoPause = QueueAutoPause.No)
    {
        var clock = new Clock();
        var model = new PbxModel(clock: clock) { EventLevel = SimEventLevel.Minimal };
        model.AddEndpoint("1001");
        model.AddEndpoint("1002");
        model.AddQueue("support", "3001", QueueStrategy.RrMemory, autoPause: autoPause);
        model.AddMember("support", "PJSIP/1001", "Agent 1001");
        model.AddMember("support", "PJSIP/1002", "Agent 1002");
        var events = new Recorder();
        model.Subscribe(events);
        return (model, clock, events);
    }

    [Fact]
    public void Ring_no_answer_gives_its_ring_time_in_milliseconds_and_agent_connect_in_seconds()
    {
        var (model, clock, events) = Queue();
        model.ExternalCall("0611111111", "3001");
        clock.Now += TimeSpan.FromMilliseconds(15_250);
        model.RingTimeout("1001");
        clock.Now += TimeSpan.FromSeconds(4);
        model.Answer("1002");
        // rna(): "RingTime" is the ms the member rang; try_calling's AgentConnect: (orig - to) / 1000 seconds.
        Assert.Equal("15250", Recorder.Header(events.Single("AgentRingNoAnswer"), "RingTime"));
        var connect = events.Single("AgentConnect");
        Assert.Equal(("4", "19"), (Recorder.Header(connect, "RingTime"), Recorder.Header(connect, "HoldTime")));
    }

    [Fact]
    public void A_busy_member_counts_whole_seconds_times_a_thousand()
    {
        var (model, clock, events) = Queue();
        model.ExternalCall("0611111111", "3001");
        clock.Now += TimeSpan.FromMilliseconds(2_700);
        model.Reject("1001");
        // wait_for_answer on AST_CONTROL_BUSY: DialEnd BUSY first, then rna(endtime * 1000) with endtime in seconds.
        var order = events.Events.Select(e => e[7..e.IndexOf('\r')]).Where(n => n is "DialEnd" or "AgentRingNoAnswer" or "Hangup").Take(3).ToList();
        Assert.Equal(["DialEnd", "AgentRingNoAnswer", "Hangup"], order);
        Assert.Equal("2000", Recorder.Header(events.Single("AgentRingNoAnswer"), "RingTime"));
    }

    [Fact]
    public void Autopause_pauses_the_member_who_did_not_answer_and_the_queue_rings_the_next()
    {
        var (model, _, events) = Queue(QueueAutoPause.Yes);
        model.ExternalCall("0611111111", "3001");
        model.RingTimeout("1001");
        var pause = events.Single("QueueMemberPause");
        Assert.Equal(("PJSIP/1001", "1", "Auto-Pause"), (Recorder.Header(pause, "Interface"), Recorder.Header(pause, "Paused"), Recorder.Header(pause, "PausedReason")));
        model.RingTimeout("1002");
        // 1002 is paused too; nobody is left to ring.
        Assert.Equal(2, events.Events.Count(e => e.StartsWith("Event: QueueMemberPause\r\n")));
        Assert.Equal(2, events.Events.Count(e => e.StartsWith("Event: AgentCalled\r\n")));
    }

    [Fact]
    public void A_system_name_prefixes_uniqueids_and_follows_privilege_in_every_event()
    {
        var clock = new Clock();
        var model = new PbxModel(clock: clock) { SystemName = "asterisk-eu1" };
        model.AddEndpoint("1001");
        model.AddEndpoint("1002");
        var events = new Recorder();
        model.Subscribe(events);
        model.Dial("1001", "1002");
        var newchannel = events.Events.First();
        Assert.StartsWith("Event: Newchannel\r\nPrivilege: call,all\r\nSystemName: asterisk-eu1\r\nChannel: PJSIP/1001-", newchannel);
        // channel_internal_api.c: "%s-%li.%d" (system name, creation time, sequence).
        Assert.Equal($"asterisk-eu1-{clock.Now.ToUnixTimeSeconds()}.1", Recorder.Header(newchannel, "Uniqueid"));
        Assert.All(events.Events, e => Assert.Contains("\r\nSystemName: asterisk-eu1\r\n", e));
    }

    [Fact]
    public void An_attended_transfer_of_a_queue_call_completes_it_with_reason_transfer()
    {
        var (model, _, events) = Queue();
        model.AddEndpoint("1003");
        model.ExternalCall("0611111111", "3001");
        model.Answer("1001");
        var agentLeg = model.Locked(() => model.Channels.Single(c => c.Name.StartsWith("PJSIP/1001-")));
        Assert.Null(model.Locked(() => model.AttendedTransfer(agentLeg, "1003")));
        model.Answer("1003");
        model.CompleteAttendedTransfer("1001");
        // handle_attended_transfer: send_agent_complete(…, TRANSFER) once the transfer succeeded.
        var complete = events.Single("AgentComplete");
        Assert.Equal("transfer", Recorder.Header(complete, "Reason"));
        Assert.True(events.Events.FindIndex(e => e.StartsWith("Event: AttendedTransfer\r\n")) < events.Events.IndexOf(complete));
    }

    [Fact]
    public void A_waiting_caller_who_hangs_up_stops_its_music_on_hold_before_its_hangup()
    {
        var (model, _, events) = Queue();
        model.EventLevel = SimEventLevel.Realistic;
        var caller = model.ExternalCall("0611111111", "3001");
        model.Hangup(caller);
        var names = events.Events.Select(e => e[7..e.IndexOf('\r')]).ToList();
        Assert.True(names.IndexOf("MusicOnHoldStart") < names.IndexOf("QueueCallerAbandon"));
        Assert.True(names.IndexOf("MusicOnHoldStop") > names.IndexOf("QueueCallerLeave"));
        Assert.True(names.IndexOf("MusicOnHoldStop") < names.LastIndexOf("Hangup"));
        Assert.Single(names, n => n == "MusicOnHoldStop");
    }

    [Fact]
    public void With_ringall_the_ring_timeout_ends_every_ringing_leg_together()
    {
        var clock = new Clock();
        var model = new PbxModel(clock: clock) { EventLevel = SimEventLevel.Minimal };
        model.AddEndpoint("1001");
        model.AddEndpoint("1002");
        model.AddQueue("sales", "3000", QueueStrategy.RingAll);
        model.AddMember("sales", "PJSIP/1001", "Agent 1001");
        model.AddMember("sales", "PJSIP/1002", "Agent 1002");
        var events = new Recorder();
        model.Subscribe(events);
        model.ExternalCall("0611111111", "3000");
        events.Events.Clear();
        clock.Now += TimeSpan.FromSeconds(15);
        model.RingTimeout("1001");
        // wait_for_answer: rna for each leg, DialEnd NOANSWER for each; try_calling's hangupcalls: CANCEL and Hangup each.
        var sequence = events.Events.Select(e => (Name: e[7..e.IndexOf('\r')], Dest: Recorder.HeaderOrNull(e, "DestChannel") ?? Recorder.HeaderOrNull(e, "Channel") ?? ""))
            .Where(x => x.Name is "AgentRingNoAnswer" or "DialEnd" or "Hangup").Take(8)
            .Select(x => $"{x.Name} {x.Dest[..10]}").ToList();
        Assert.Equal(["AgentRingNoAnswer PJSIP/1001", "AgentRingNoAnswer PJSIP/1002", "DialEnd PJSIP/1001", "DialEnd PJSIP/1002",
            "DialEnd PJSIP/1001", "Hangup PJSIP/1001", "DialEnd PJSIP/1002", "Hangup PJSIP/1002"], sequence);
    }
}
