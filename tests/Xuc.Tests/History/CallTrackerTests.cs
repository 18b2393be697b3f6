using Xuc.Actors.History;
using Xuc.Actors.Messages.Events;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.History;

/// <summary>
/// The call-history fold over the simulator's real event stream (realistic level, as Asterisk 18 sends it), on a
/// hand-moved clock: every row of a scripted day compared whole.
/// </summary>
public sealed class CallTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private sealed class Day
    {
        public ManualClock Clock { get; } = new(T0);
        public PbxModel Model { get; }
        public CallTracker Tracker { get; } = new(i => i == "PJSIP/1001" ? "1" : null);
        public Dictionary<string, CallRecord> Rows { get; } = [];
        public List<HistoryWrite> Writes { get; } = [];

        public Day()
        {
            Model = new PbxModel(clock: Clock);
            Model.Subscribe(new SimEvents(e =>
            {
                foreach (var w in Tracker.On(e, Clock.GetUtcNow()))
                {
                    Writes.Add(w);
                    if (w.Delete) Rows.Remove(w.Record.Id);
                    else Rows[w.Record.Id] = w.Record;
                }
            }));
            Model.AddEndpoint("1001", name: "James Bond");
            Model.AddEndpoint("1002", name: "Eve Moneypenny");
            Model.AddEndpoint("1003", name: "Q");
        }

        public void Advance(int seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));
    }

    private static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    private static CallRecord Line(string call, string device, int start, int? answer, int end, string srcNum, string srcName, string dstNum, string dstName, string status)
        => new(call, CallRecord.LineParty(device), At(start), answer is { } a ? At(a) : null, At(end), srcNum, srcName, dstNum, dstName, device, null, null, status);

    private static CallRecord Queue(string call, string queue, int start, int? answer, int end, string srcNum, string dstNum, string dstName, string? agent, string status)
        => new(call, CallRecord.QueueParty(queue), At(start), answer is { } a ? At(a) : null, At(end), srcNum, "", dstNum, dstName, null, queue, agent, status);

    [Fact]
    public async Task A_scripted_day_of_answered_abandoned_missed_transferred_joinempty_and_timed_out_calls_gives_these_rows()
    {
        var day = new Day();
        var m = day.Model;
        m.AddQueue("blue", "3000");
        m.AddMember("blue", "PJSIP/1001", "James Bond");
        m.AddMember("blue", "PJSIP/1002", "Eve Moneypenny");
        m.AddQueue("black", "3001", joinEmpty: false);
        m.AddQueue("blow", "3002", timeoutSeconds: 1);

        // 1. A queue call rings both members, 1001 answers after 5 s (1002's ring leaves no row), talks 60 s, hangs up.
        var answered = m.ExternalCall("0611111111", "3000");
        day.Advance(5);
        m.Answer("1001");
        day.Advance(60);
        m.Hangup("1001");
        // 2. At 100 s a caller waits 20 s and hangs up: abandoned, both members missed it.
        day.Advance(35);
        var abandoned = m.ExternalCall("0622222222", "3000");
        day.Advance(20);
        m.Hangup(abandoned);
        // 3. At 200 s 1002 calls 1003, who does not answer.
        day.Advance(80);
        var missed = m.Dial("1002", "1003");
        day.Advance(10);
        m.Hangup("1002");
        // 4. At 300 s 1003 calls 1002, who answers, then blind-transfers him to 1001 at 333 s; 1001 answers at 337 s.
        day.Advance(90);
        var transferred = m.Dial("1003", "1002");
        day.Advance(3);
        m.Answer("1002");
        day.Advance(30);
        Assert.Null(m.Locked(() => m.BlindTransfer(m.Channels.Single(c => c.Device == "PJSIP/1002"), "1001", "default")));
        day.Advance(4);
        m.Answer("1001");
        day.Advance(50);
        m.Hangup("1001");
        // 5. At 400 s a caller reaches black, which refuses callers when nobody can answer.
        day.Advance(13);
        var joinEmpty = m.ExternalCall("0633333333", "3001");
        // 6. At 500 s a caller waits in blow, which has no member, until its 1 s timeout (real time; this clock stands still).
        day.Advance(100);
        var timedOut = m.ExternalCall("0644444444", "3002");
        await Wait.Until(() => Task.FromResult(m.ChannelCount == 0), TimeSpan.FromSeconds(15), "the blow caller timed out");

        CallRecord[] expected =
        [
            Line(answered, "PJSIP/trunk", 0, 5, 65, "0611111111", "", "3000", "James Bond", CallStatus.Emitted),
            Queue(answered, "blue", 0, 5, 65, "0611111111", "3000", "James Bond", "1", CallStatus.Answered),
            Line(answered, "PJSIP/1001", 0, 5, 65, "0611111111", "", "1001", "James Bond", CallStatus.Answered),
            Line(abandoned, "PJSIP/trunk", 100, null, 120, "0622222222", "", "3000", "", CallStatus.Emitted),
            Queue(abandoned, "blue", 100, null, 120, "0622222222", "3000", "", null, CallStatus.Abandoned),
            Line(abandoned, "PJSIP/1001", 100, null, 120, "0622222222", "", "1001", "James Bond", CallStatus.Missed),
            Line(abandoned, "PJSIP/1002", 100, null, 120, "0622222222", "", "1002", "Eve Moneypenny", CallStatus.Missed),
            Line(missed, "PJSIP/1002", 200, null, 210, "1002", "Eve Moneypenny", "1003", "", CallStatus.Emitted),
            Line(missed, "PJSIP/1003", 200, null, 210, "1002", "Eve Moneypenny", "1003", "Q", CallStatus.Missed),
            Line(transferred, "PJSIP/1003", 300, 303, 387, "1003", "Q", "1002", "Eve Moneypenny", CallStatus.Emitted),
            Line(transferred, "PJSIP/1002", 300, 303, 333, "1003", "Q", "1002", "Eve Moneypenny", CallStatus.Answered),
            Line(transferred, "PJSIP/1001", 333, 337, 387, "1003", "Q", "1001", "James Bond", CallStatus.Answered),
            Line(joinEmpty, "PJSIP/trunk", 400, null, 400, "0633333333", "", "3001", "", CallStatus.Emitted),
            Queue(joinEmpty, "black", 400, null, 400, "0633333333", "3001", "", null, CallStatus.JoinEmpty),
            Line(timedOut, "PJSIP/trunk", 500, null, 500, "0644444444", "", "3002", "", CallStatus.Emitted),
            Queue(timedOut, "blow", 500, null, 500, "0644444444", "3002", "", null, CallStatus.Timeout),
        ];
        Assert.Equal(expected.OrderBy(r => r.Id, StringComparer.Ordinal), day.Rows.Values.OrderBy(r => r.Id, StringComparer.Ordinal));
        Assert.Equal(0, day.Tracker.CallCount);
    }

    [Fact]
    public void A_call_in_progress_is_written_ongoing_first_then_final()
    {
        var day = new Day();
        var call = day.Model.Dial("1002", "1003");
        Assert.Equal([CallStatus.Ongoing, CallStatus.Ongoing], day.Rows.Values.Select(r => r.Status));
        Assert.All(day.Rows.Values, r => Assert.Null(r.End));
        day.Advance(2);
        day.Model.Answer("1003");
        Assert.Equal(At(2), day.Rows[call + "|line:PJSIP/1003"].Answer);
        Assert.Equal(CallStatus.Ongoing, day.Rows[call + "|line:PJSIP/1003"].Status);
        day.Advance(8);
        day.Model.Hangup("1003");
        Assert.Equal([CallStatus.Emitted, CallStatus.Answered], day.Rows.Values.OrderBy(r => r.Party).Select(r => r.Status));
        Assert.All(day.Rows.Values, r => Assert.Equal(At(10), r.End));
    }

    /// <summary>
    /// Outcomes the simulator does not produce, from the variables Asterisk and the XiVO/Wazo dialplan set: app_queue's
    /// QUEUESTATUS (FULL, LEAVEEMPTY after joining), the dialplan's XIVO_QUEUELOG_EVENT / XIVO_DIVERT_EVENT before Queue().
    /// </summary>
    [Theory]
    [InlineData("QUEUESTATUS", "FULL", true, false, CallStatus.Full)]
    [InlineData("QUEUESTATUS", "LEAVEEMPTY", true, true, CallStatus.LeaveEmpty)]
    [InlineData("QUEUESTATUS", "JOINUNAVAIL", true, false, CallStatus.JoinEmpty)]
    [InlineData("XIVO_QUEUELOG_EVENT", "CLOSED", false, false, CallStatus.Closed)]
    [InlineData("XIVO_DIVERT_EVENT", "DIVERT_CA_RATIO", false, false, CallStatus.DivertCaRatio)]
    [InlineData("XIVO_DIVERT_EVENT", "DIVERT_HOLDTIME", false, false, CallStatus.DivertWaitTime)]
    public void Queue_outcomes_come_from_the_queue_status_variables(string variable, string value, bool queueApp, bool joined, string status)
    {
        var tracker = new CallTracker(_ => null);
        var t = T0;
        var writes = new List<HistoryWrite>();
        void On(string name, params (string, string)[] extra)
        {
            (string, string)[] chan = [("Channel", "PJSIP/trunk-00000001"), ("CallerIDNum", "0655555555"), ("CallerIDName", "Bob"),
                ("Exten", "3000"), ("Uniqueid", "9.1"), ("Linkedid", "9.1")];
            writes.AddRange(tracker.On(AmiEventData.Of(name, [.. chan, .. extra]), t));
        }
        On("Newchannel");
        if (!queueApp) On("VarSet", ("Variable", "XIVO_QUEUENAME"), ("Value", "sales"));
        else On("Newexten", ("Application", "Queue"), ("AppData", "sales,t,,,30"));
        if (joined) On("QueueCallerJoin", ("Queue", "sales"));
        t = t.AddSeconds(7);
        if (joined) On("QueueCallerLeave", ("Queue", "sales"));
        On("VarSet", ("Variable", variable), ("Value", value));
        t = t.AddSeconds(1);
        On("Hangup", ("Cause", "16"));

        var queue = writes.Last(w => w.Record.Party == "queue:sales").Record;
        Assert.Equal(new CallRecord("9.1", "queue:sales", joined ? T0 : T0.AddSeconds(7), null, T0.AddSeconds(7), "0655555555", "Bob", "3000", "", null, "sales", null, status), queue);
        Assert.Equal(CallStatus.Emitted, writes.Last(w => w.Record.Party == "line:PJSIP/trunk").Record.Status);
    }

    [Fact]
    public void The_recorder_times_an_event_by_its_Timestamp_header_when_the_PBX_sends_one()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764316800123), CallHistoryRecorderActor.EventTime("1764316800.123456"));
        Assert.Null(CallHistoryRecorderActor.EventTime(null));
        Assert.Null(CallHistoryRecorderActor.EventTime("yesterday"));
    }

    [Fact]
    public void Channels_gone_while_the_link_was_down_end_their_parties_at_the_resync_and_the_others_stay()
    {
        var day = new Day();
        var lost = day.Model.Dial("1002", "1003");
        day.Advance(2);
        day.Model.Answer("1003");
        var kept = day.Model.Dial("1001", "1002");
        var keptChannels = day.Model.Locked(() => day.Model.Channels.Where(c => c.Linkedid == kept).Select(c => c.Uniqueid).ToList());
        day.Advance(30);

        var writes = day.Tracker.Reconcile(keptChannels, day.Clock.GetUtcNow());

        Assert.Equal([(lost + "|line:PJSIP/1002", CallStatus.Emitted, (DateTimeOffset?)At(32)), (lost + "|line:PJSIP/1003", CallStatus.Answered, At(32))],
            writes.Select(w => (w.Record.Id, w.Record.Status, w.Record.End)).OrderBy(x => x.Id, StringComparer.Ordinal));
        Assert.Equal(1, day.Tracker.CallCount);
        Assert.Empty(day.Tracker.Reconcile(keptChannels, day.Clock.GetUtcNow()));
    }

    [Fact]
    public void A_caller_sent_on_from_one_queue_to_another_ends_the_first_where_he_left_it()
    {
        var tracker = new CallTracker(_ => "7");
        var writes = new List<HistoryWrite>();
        void On(int second, string name, params (string, string)[] extra)
            => writes.AddRange(tracker.On(AmiEventData.Of(name, [("Channel", "PJSIP/trunk-00000002"), ("CallerIDNum", "0666666666"), ("Exten", "3000"),
                ("Uniqueid", "8.1"), ("Linkedid", "8.1"), .. extra]), T0.AddSeconds(second)));
        On(0, "Newchannel");
        On(0, "QueueCallerJoin", ("Queue", "sales"));
        On(30, "QueueCallerLeave", ("Queue", "sales"));
        On(31, "QueueCallerJoin", ("Queue", "support"));
        On(40, "AgentConnect", ("Queue", "support"), ("Interface", "PJSIP/1006"), ("MemberName", "Vesper Lynd"));
        On(100, "AgentComplete", ("Queue", "support"));

        Assert.Equal(new CallRecord("8.1", "queue:sales", T0, null, T0.AddSeconds(30), "0666666666", "", "3000", "", null, "sales", null, CallStatus.Abandoned),
            writes.Last(w => w.Record.Queue == "sales").Record);
        Assert.Equal(new CallRecord("8.1", "queue:support", T0.AddSeconds(31), T0.AddSeconds(40), T0.AddSeconds(100), "0666666666", "", "3000", "Vesper Lynd", null, "support", "7", CallStatus.Answered),
            writes.Last(w => w.Record.Queue == "support").Record);
    }
}
