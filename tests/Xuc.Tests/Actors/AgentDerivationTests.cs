using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Events;

namespace Xuc.Tests.Actors;

/// <summary>An agent's state derived from the PBX's member and call events (AgentDerivation, AgentState.Apply).</summary>
public sealed class AgentDerivationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, int> QueueIds = new() { ["sales"] = 1, ["billing"] = 3 };

    private static int QueueId(string queue) => QueueIds.GetValueOrDefault(queue);
    private static string? Phone(string device) => device == "PJSIP/1001" ? "1001" : null;

    private static AmiEventData Member(string name, string queue, string iface = "PJSIP/1001", string paused = "0", string reason = "", string memberName = "Agent/2001",
        string? stateInterface = null) =>
        AmiEventData.Of(name, ("Queue", queue), (name == "QueueMember" ? "Location" : "Interface", iface), (name == "QueueMember" ? "Name" : "MemberName", memberName),
            ("StateInterface", stateInterface ?? iface), ("Paused", paused), ("PausedReason", reason));

    /// <summary>Applies each event's facts in turn, as the entity does.</summary>
    private static (AgentState State, List<IAgentEvent> Facts) Follow(AgentState s, params AmiEventData[] events)
    {
        var all = new List<IAgentEvent>();
        foreach (var e in events)
            foreach (var fact in AgentDerivation.FactsOf(s, e, QueueId, Phone, T0, "Agent/2001"))
            {
                all.Add(fact);
                s = s.Apply(fact);
            }
        return (s, all);
    }

    [Fact]
    public void Members_added_from_the_pbx_log_the_agent_in_on_the_line_of_their_state_interface_with_his_queues()
    {
        var (s, facts) = Follow(AgentState.Empty("1"),
            Member("QueueMemberAdded", "sales", "Local/1001@agents/n", stateInterface: "PJSIP/1001"),
            Member("QueueMemberAdded", "billing"));
        Assert.Equal([
            new AgentLoggedIn("1", "1001", "PJSIP/1001", T0),
            new AgentQueueJoined("1", "sales", 1, "Local/1001@agents/n", T0),
            new AgentQueueJoined("1", "billing", 3, "PJSIP/1001", T0),
        ], facts);
        Assert.Equal((AgentStatus.Ready, "1001"), (s.Status, s.PhoneNumber));
        Assert.Equal([new AgentMembership("sales", 1, "Local/1001@agents/n"), new AgentMembership("billing", 3, "PJSIP/1001")], s.Memberships);
        // The same member again (an echo of our own QueueAdd) is not news.
        Assert.Empty(AgentDerivation.FactsOf(s, Member("QueueMemberAdded", "billing"), QueueId, Phone, T0, "Agent/2001"));
    }

    [Fact]
    public void A_pause_from_the_pbx_is_recorded_with_its_reason_and_the_last_queue_removed_logs_the_agent_out()
    {
        var (s, _) = Follow(AgentState.Empty("1"), Member("QueueMemberAdded", "sales"), Member("QueueMemberAdded", "billing"));
        var (paused, facts) = Follow(s, Member("QueueMemberPause", "sales", paused: "1", reason: "lunch"), Member("QueueMemberPause", "billing", paused: "1", reason: "lunch"));
        Assert.Equal([new AgentPaused("1", "lunch", T0)], facts);
        Assert.Equal((AgentStatus.Paused, "lunch"), (paused.Status, paused.PauseReason));

        var (ready, unpause) = Follow(paused, Member("QueueMemberPause", "sales"));
        Assert.Equal([new AgentUnpaused("1", T0)], unpause);
        Assert.Equal(AgentStatus.Ready, ready.Status);

        var (gone, removed) = Follow(ready, Member("QueueMemberRemoved", "sales"), Member("QueueMemberRemoved", "billing"));
        Assert.Equal([new AgentQueueLeft("1", "sales", T0), new AgentQueueLeft("1", "billing", T0), new AgentLoggedOut("1", T0)], removed);
        Assert.Equal((AgentStatus.LoggedOut, "1001"), (gone.Status, gone.PhoneNumber));
        Assert.Empty(gone.Memberships);
    }

    [Fact]
    public void A_member_named_after_another_agent_is_his_even_on_this_agents_line()
        => Assert.Empty(Follow(AgentState.Empty("1"), Member("QueueMemberAdded", "sales", memberName: "Agent/2002")).Facts);

    [Fact]
    public void A_resync_lists_what_the_pbx_has_and_the_recorded_queues_it_no_longer_lists_are_left()
    {
        var (s, _) = Follow(AgentState.Empty("1"), Member("QueueMemberAdded", "sales"), Member("QueueMemberAdded", "billing"));
        // QueueStatus lists him in sales, paused meanwhile; billing is gone.
        var (listed, facts) = Follow(s, Member("QueueMember", "sales", paused: "1", reason: "meeting"));
        Assert.Equal([new AgentPaused("1", "meeting", T0)], facts);
        Assert.Equal([new AgentQueueLeft("1", "billing", T0)], AgentDerivation.Reconcile(listed, ["sales"], T0));
        Assert.Equal([new AgentQueueLeft("1", "sales", T0), new AgentQueueLeft("1", "billing", T0), new AgentLoggedOut("1", T0)],
            AgentDerivation.Reconcile(s, [], T0));
        Assert.Empty(AgentDerivation.Reconcile(AgentState.Empty("1"), [], T0));
        // Unpaused in the listing: recorded unpaused.
        Assert.Equal([new AgentUnpaused("1", T0)], Follow(listed, Member("QueueMember", "sales")).Facts);
    }

    [Fact]
    public void A_queue_call_rings_then_is_on_call_then_wraps_up_for_the_queues_time()
    {
        var (s, _) = Follow(AgentState.Empty("1"), Member("QueueMemberAdded", "sales"));
        var t1 = T0.AddSeconds(5);
        var ringing = s.Apply(AmiEventData.Of("AgentCalled", ("Queue", "sales"), ("CallerIDNum", "0612345678"), ("Channel", "PJSIP/trunk-00000001")), t1);
        Assert.Equal((AgentStatus.Ringing, t1), (ringing.Status, ringing.Since));
        Assert.Equal(new AgentCall("sales", "0612345678", "PJSIP/trunk-00000001"), ringing.Call);
        var onCall = ringing.Apply(AmiEventData.Of("AgentConnect", ("Queue", "sales")), t1);
        Assert.Equal(AgentStatus.OnCall, onCall.Status);
        var wrapUp = onCall.Apply(AmiEventData.Of("AgentComplete", ("Queue", "sales")), t1, wrapUpSeconds: 5);
        Assert.Equal(AgentStatus.Wrapup, wrapUp.Status);
        Assert.Null(wrapUp.Call);
        Assert.Equal(AgentStatus.Ready, wrapUp.EndWrapUp(t1.AddSeconds(5)).Status);
        Assert.Equal(AgentStatus.Ready, onCall.Apply(AmiEventData.Of("AgentComplete", ("Queue", "billing")), t1).Status); // no wrap-up time
        Assert.Equal(AgentStatus.Ready, ringing.Apply(AmiEventData.Of("AgentRingNoAnswer", ("Queue", "sales")), t1).Status);
        // Paused while wrapping up: paused once the wrap-up is over.
        Assert.Equal(AgentStatus.Paused, wrapUp.Apply(new AgentPaused("1", "break", t1)).EndWrapUp(t1).Status);
    }

    [Fact]
    public void His_own_calls_are_dialing_then_on_call_and_a_queue_calls_channel_is_left_to_the_queue_events()
    {
        var (s, _) = Follow(AgentState.Empty("1"), Member("QueueMemberAdded", "sales"));
        static bool IsLine(string n) => n is "1001" or "1002";
        var dialing = s.Apply(AmiEventData.Of("Newchannel", ("Channel", "PJSIP/1001-00000001"), ("ChannelState", "4"), ("Exten", "1002"), ("Uniqueid", "u1")), T0, isLine: IsLine);
        Assert.Equal(AgentStatus.Dialing, dialing.Status);
        var talking = dialing.Apply(AmiEventData.Of("Newstate", ("ChannelState", "6"), ("ConnectedLineNum", "1002"), ("Uniqueid", "u1")), T0, isLine: IsLine);
        Assert.Equal(AgentStatus.OnCall, talking.Status);
        Assert.Equal(new AgentOwnChannel("u1", true, true, false, "1002", true, "PJSIP/1001-00000001"), talking.OwnCall);
        Assert.Equal(AgentStatus.Ready, talking.Apply(AmiEventData.Of("Hangup", ("Uniqueid", "u1")), T0).Status);

        // A queue call: its member channel appears first, then AgentCalled makes it the queue's; when the queue call
        // completes (no wrap-up) before the channel hangs up, he is ready, not on a call of his own.
        var rung = s.Apply(AmiEventData.Of("Newchannel", ("Channel", "PJSIP/1001-00000002"), ("ChannelState", "0"), ("Uniqueid", "u2")), T0)
            .Apply(AmiEventData.Of("AgentCalled", ("Queue", "sales")), T0)
            .Apply(AmiEventData.Of("Newstate", ("ChannelState", "6"), ("Uniqueid", "u2")), T0)
            .Apply(AmiEventData.Of("AgentConnect", ("Queue", "sales")), T0);
        Assert.Equal(AgentStatus.OnCall, rung.Status);
        Assert.Equal(AgentStatus.Ready, rung.Apply(AmiEventData.Of("AgentComplete", ("Queue", "sales")), T0).Status);
    }

    /// <summary>Click-to-dial: the Originate rings his phone (no DialBegin asked for it), he picks up, it dials 1002, which answers.</summary>
    [Fact]
    public void An_originate_that_rings_his_phone_is_his_own_call_dialing_until_the_destination_answers()
    {
        var (s, _) = Follow(AgentState.Empty("1"), Member("QueueMemberAdded", "sales"));
        AmiEventData Leg(string name, string state) => AmiEventData.Of(name, ("Channel", "PJSIP/1001-00000004"), ("ChannelState", state), ("Exten", "1002"),
            ("ConnectedLineNum", "1001"), ("Uniqueid", "u4"), ("Linkedid", "u4"));
        var made = s.Apply(Leg("Newchannel", "0"), T0);
        Assert.Equal(AgentStatus.Ready, made.Status); // Down, and no application asked for it: not a call ringing him (yet)
        var rung = made.Apply(Leg("Newstate", "5"), T0);
        Assert.Equal(AgentStatus.Dialing, rung.Status);
        var picked = rung.Apply(Leg("Newstate", "6"), T0)
            .Apply(AmiEventData.Of("DialBegin", ("Channel", "PJSIP/1001-00000004"), ("Uniqueid", "u4"), ("Exten", "1002"), ("DestChannel", "PJSIP/1002-00000005"), ("DestUniqueid", "u5")), T0);
        Assert.Equal(AgentStatus.Dialing, picked.Status);
        var talking = picked.Apply(AmiEventData.Of("DialEnd", ("Channel", "PJSIP/1001-00000004"), ("Uniqueid", "u4"), ("DestUniqueid", "u5"), ("DialStatus", "ANSWER")), T0);
        Assert.Equal((AgentStatus.OnCall, true, "1002"), (talking.Status, talking.OwnCall!.Outbound, talking.OwnCall.OtherNumber));
    }

    [Fact]
    public void A_call_off_the_queues_rings_him_and_the_recordings_of_his_call_set_the_monitor_state()
    {
        var (s, _) = Follow(AgentState.Empty("1"), Member("QueueMemberAdded", "sales"));
        // Someone calls his line directly: his channel is created Down (not dialing out), he is ringing until he answers.
        var ringing = s.Apply(AmiEventData.Of("Newchannel", ("Channel", "PJSIP/1001-00000003"), ("ChannelState", "0"), ("Exten", "1001"),
            ("Uniqueid", "u3"), ("Linkedid", "caller")), T0)
            .Apply(AmiEventData.Of("DialBegin", ("Channel", "PJSIP/trunk-00000002"), ("Uniqueid", "caller"), ("DestChannel", "PJSIP/1001-00000003"), ("DestUniqueid", "u3")), T0);
        Assert.Equal(AgentStatus.Ringing, ringing.Status);
        Assert.Equal(AgentStatus.Ready, ringing.Apply(AmiEventData.Of("Hangup", ("Uniqueid", "u3")), T0).Status); // it stopped ringing
        var talking = ringing.Apply(AmiEventData.Of("Newstate", ("ChannelState", "6"), ("Uniqueid", "u3")), T0);
        Assert.Equal((AgentStatus.OnCall, null), (talking.Status, talking.MonitorPaused));

        // The caller's channel (same linkedid) is recorded, paused by some tool, resumed, stopped.
        AmiEventData On(string name, string channel, string linkedid, params (string, string)[] more) =>
            AmiEventData.Of(name, [("Channel", channel), ("Linkedid", linkedid), .. more]);
        var recorded = talking.Apply(On("MixMonitorStart", "PJSIP/trunk-00000002", "caller"), T0);
        Assert.Equal((false, "PJSIP/trunk-00000002"), (recorded.MonitorPaused, recorded.TalkingRecording?.Channel));
        var paused = recorded.Apply(On("MixMonitorMute", "PJSIP/trunk-00000002", "caller", ("Direction", "both"), ("State", "1")), T0);
        Assert.True(paused.MonitorPaused);
        Assert.False(paused.Apply(On("MixMonitorMute", "PJSIP/trunk-00000002", "caller", ("State", "0")), T0).MonitorPaused);
        Assert.Null(paused.Apply(On("MixMonitorStop", "PJSIP/trunk-00000002", "caller"), T0).MonitorPaused);
        // Another call's recording is not his; his call ending forgets its recording.
        Assert.Same(talking, talking.Apply(On("MixMonitorStart", "PJSIP/1002-00000009", "other"), T0));
        Assert.Empty(paused.Apply(AmiEventData.Of("Hangup", ("Uniqueid", "u3")), T0).Recordings);
        // Our own monitorPause answered without an event: followed from the answer.
        Assert.True(talking.MonitorMuted(true).MonitorPaused);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_queue_call_that_stops_ringing_him_without_AgentRingNoAnswer_leaves_him_ready(bool viaLocalMember)
    {
        // app_queue's hangupcalls() hangs up the members still ringing when the caller abandons or another member answers
        // (ringall; cause 26), and publishes no AgentRingNoAnswer for them: rna() runs only on a ring timeout or a busy phone.
        var (s, _) = Follow(AgentState.Empty("1"), Member("QueueMemberAdded", "sales"));
        var phone = AmiEventData.Of("Newchannel", ("Channel", "PJSIP/1001-00000007"), ("ChannelState", "0"), ("Exten", "1001"),
            ("Uniqueid", "u7"), ("Linkedid", "caller"));
        var called = AmiEventData.Of("AgentCalled", ("Queue", "sales"), ("Channel", "PJSIP/trunk-00000006"), ("CallerIDNum", "0600000001"),
            ("DestChannel", viaLocalMember ? "Local/1001@agents-00000001;1" : "PJSIP/1001-00000007"), ("Interface", "PJSIP/1001"));
        // A direct member's channel exists before app_queue says AgentCalled; a Local member's phone channel is dialled after.
        var ringing = viaLocalMember ? s.Apply(called, T0).Apply(phone, T0) : s.Apply(phone, T0).Apply(called, T0);
        Assert.Equal(AgentStatus.Ringing, ringing.Status);

        var later = T0.AddSeconds(4);
        var after = ringing.Apply(AmiEventData.Of("Hangup", ("Uniqueid", "u7"), ("Cause", "26")), later);
        Assert.Equal((AgentStatus.Ready, later, null), (after.Status, after.Since, after.Call));

        // Paused meanwhile: back to paused, not ready.
        var paused = ringing.Apply(new AgentPaused("1", "lunch", T0));
        Assert.Equal(AgentStatus.Paused, paused.Apply(AmiEventData.Of("Hangup", ("Uniqueid", "u7")), later).Status);
    }
}
