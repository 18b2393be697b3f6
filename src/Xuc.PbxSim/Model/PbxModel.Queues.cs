using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

public sealed partial class PbxModel
{
    public SimQueue AddQueue(string name, string number, QueueStrategy strategy = QueueStrategy.RingAll, int wrapUpSeconds = 0, bool joinEmpty = true, int timeoutSeconds = 0,
        QueueAutoPause autoPause = QueueAutoPause.No)
    {
        lock (_gate)
        {
            var q = new SimQueue(name) { Number = number, Strategy = strategy, WrapUpSeconds = wrapUpSeconds, JoinEmpty = joinEmpty, TimeoutSeconds = timeoutSeconds, AutoPause = autoPause };
            _queues[name] = q;
            return q;
        }
    }

    public IReadOnlyList<SimQueue> Queues { get { lock (_gate) return _queues.Values.ToList(); } }

    internal SimQueue? FindQueue(string name) => _queues.GetValueOrDefault(name);

    internal static AmiText MemberBlock(AmiText t, SimQueue q, QueueMember m, int status)
        => t.Add("Queue", q.Name)
            .Add("MemberName", m.Name)
            .Add("Interface", m.Interface)
            .Add("StateInterface", m.StateInterface)
            .Add("Membership", m.Membership)
            .Add("Penalty", m.Penalty)
            .Add("CallsTaken", m.CallsTaken)
            .Add("LastCall", m.LastCall.ToString())
            .Add("LastPause", m.LastPause.ToString())
            .Add("LoginTime", m.LoginTime.ToString())
            .Add("InCall", m.InCall ? "1" : "0")
            .Add("Status", status)
            .Add("Paused", m.Paused ? "1" : "0")
            .Add("PausedReason", m.PausedReason)
            .Add("Ringinuse", m.RingInUse ? "1" : "0")
            .Add("Wrapuptime", 0);

    /// <summary>
    /// app_queue's queue_multi_channel_to_ami: the caller's channel block, the member channel's with <c>Dest</c>, then
    /// the blob in the order ring_entry / rna / try_calling / send_agent_complete pack it: Queue, Interface, MemberName, ….
    /// </summary>
    private AmiText QueueAgentBlock(AmiText t, QueueCall qc, SimChannel memberChannel, QueueMember m)
        => ChannelBlock(ChannelBlock(t, qc.Caller), memberChannel, "Dest").Add("Queue", qc.Queue.Name).Add("Interface", m.Interface).Add("MemberName", m.Name);

    /// <summary>leave_queue: QueueCallerLeave (Queue, Position, Count as it packs them), then QUEUEPOSITION on the caller.</summary>
    private void EmitCallerLeave(QueueCall qc)
    {
        var position = Position(qc);
        Emit(ChannelBlock(AmiText.Event("QueueCallerLeave", "agent,all"), qc.Caller).Add("Queue", qc.Queue.Name).Add("Position", position).Add("Count", Waiting(qc.Queue).Count() - 1));
        SideVariable(qc.Caller, "QUEUEPOSITION", position.ToString());
    }

    /// <summary>QueueAdd: a dynamic member joins (QueueMemberAdded). Errors use app_queue's wording.</summary>
    public string? AddMember(string queue, string @interface, string? name = null, int penalty = 0, bool paused = false, string? stateInterface = null,
        bool isStatic = false)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(queue, out var q)) return "Unable to add interface to queue: No such queue";
            if (q.Members.Any(m => m.Interface.Equals(@interface, StringComparison.OrdinalIgnoreCase))) return "Unable to add interface: Already there";
            var m = new QueueMember(@interface, name ?? @interface)
            {
                Penalty = penalty, Paused = paused, StateInterface = stateInterface ?? @interface, LoginTime = Epoch(Now),
                Membership = isStatic ? "static" : "dynamic",
            };
            q.Members.Add(m);
            Emit(MemberBlock(AmiText.Event("QueueMemberAdded", "agent,all"), q, m, MemberStatus(m)));
            DistributeWaitingCalls();
            return null;
        }
    }

    public string? RemoveMember(string queue, string @interface)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(queue, out var q)) return "Unable to remove interface from queue: No such queue";
            var m = q.Members.FirstOrDefault(x => x.Interface.Equals(@interface, StringComparison.OrdinalIgnoreCase));
            if (m is null) return "Unable to remove interface: Not there";
            // app_queue.c remove_from_queue: a member from queues.conf is not removed (RES_NOT_DYNAMIC).
            if (m.Membership == "static") return "Member not dynamic";
            q.Members.Remove(m);
            Emit(MemberBlock(AmiText.Event("QueueMemberRemoved", "agent,all"), q, m, MemberStatus(m)));
            return null;
        }
    }

    /// <summary>QueuePause: in one queue, or in every queue of the interface when no queue is given.</summary>
    public string? PauseMember(string @interface, bool paused, string? queue = null, string? reason = null)
    {
        lock (_gate)
        {
            var found = false;
            foreach (var q in _queues.Values.Where(q => queue is null || q.Name.Equals(queue, StringComparison.OrdinalIgnoreCase)))
                foreach (var m in q.Members.Where(m => m.Interface.Equals(@interface, StringComparison.OrdinalIgnoreCase)))
                {
                    found = true;
                    m.Paused = paused;
                    m.PausedReason = paused ? reason ?? "" : "";
                    if (paused) m.LastPause = Epoch(Now);
                    Emit(MemberBlock(AmiText.Event("QueueMemberPause", "agent,all"), q, m, MemberStatus(m)));
                }
            if (!found) return "Interface not found";
            if (!paused) DistributeWaitingCalls();
            return null;
        }
    }

    public string? SetPenalty(string @interface, int penalty, string? queue = null)
    {
        lock (_gate)
        {
            if (penalty < 0) return "Invalid penalty";
            var found = false;
            foreach (var q in _queues.Values.Where(q => queue is null || q.Name.Equals(queue, StringComparison.OrdinalIgnoreCase)))
                foreach (var m in q.Members.Where(m => m.Interface.Equals(@interface, StringComparison.OrdinalIgnoreCase)))
                {
                    found = true;
                    m.Penalty = penalty;
                    Emit(MemberBlock(AmiText.Event("QueueMemberPenalty", "agent,all"), q, m, MemberStatus(m)));
                }
            return found ? null : "Invalid interface, queuename or penalty";
        }
    }

    private bool IsAvailable(SimQueue q, QueueMember m, QueueCall qc)
        => !m.Paused && !m.InCall && (m.WrapUpUntil is null || m.WrapUpUntil <= Now)
           && !qc.Declined.Contains(m.Interface)
           && MemberStatus(m) == 1
           && PhoneOfInterface(m.Interface) is not null;

    private void JoinQueue(SimQueue q, SimChannel caller)
    {
        Step(caller, "Queue", $"{q.Name},t,,,{q.TimeoutSeconds}");
        if (!q.JoinEmpty && !q.Members.Any(m => !m.Paused && MemberStatus(m) != 5))
        {
            // queue_exec: join_queue refused (QUEUE_JOINEMPTY), set_queue_result sets QUEUESTATUS, no QueueCallerJoin.
            SideVariable(caller, "QUEUESTATUS", "JOINEMPTY");
            HangupChannel(caller, 16, "Normal Clearing");
            return;
        }
        // queue_exec does not answer: the caller stays in Ring (music on hold is early media) until it is bridged.
        var qc = new QueueCall(q, caller, Now, q.Callers.Count + 1);
        q.Callers.Add(qc);
        Emit(ChannelBlock(AmiText.Event("QueueCallerJoin", "agent,all"), caller).Add("Queue", q.Name).Add("Position", Position(qc)).Add("Count", Waiting(q).Count()));
        if (Waiting(q).Count() == 1) QueueDeviceState(q);
        if (Realistic)
        {
            caller.MusicOnHold = true;
            Emit(ChannelBlock(AmiText.Event("MusicOnHoldStart", "call,all"), caller).Add("Class", "default"));
        }
        if (q.TimeoutSeconds > 0)
            Schedule(TimeSpan.FromSeconds(q.TimeoutSeconds), () => { if (q.Callers.Contains(qc) && qc.ConnectedMember is null) QueueTimeout(qc); });
        RingMembers(qc);
    }

    /// <summary>
    /// join_queue / leave_queue: <c>Queue:&lt;name&gt;</c> is RINGING while callers wait, NOT_INUSE when none do;
    /// <c>Queue:&lt;name&gt;_avail</c> (device_state_cb) follows whether a member could take a call.
    /// </summary>
    private void QueueDeviceState(SimQueue q)
    {
        SetDeviceState($"Queue:{q.Name}", Waiting(q).Any() ? "RINGING" : "NOT_INUSE");
        QueueAvailState(q);
    }

    /// <summary>device_state_cb: on a member's device state change, <c>Queue:&lt;q&gt;_avail</c> says whether any member is available.</summary>
    private void QueueAvailState(SimQueue q)
        => SetDeviceState($"Queue:{q.Name}_avail", q.Members.Any(m => !m.Paused && !m.InCall && MemberStatus(m) == 1) ? "NOT_INUSE" : "INUSE");

    private void SetDeviceState(string device, string state)
    {
        if (_deviceStates.TryGetValue(device, out var before) && before == state) return;
        _deviceStates[device] = state;
        Emit(AmiText.Event("DeviceStateChange", "call,all").Add("Device", device).Add("State", state));
    }

    private static IEnumerable<QueueCall> Waiting(SimQueue q) => q.Callers.Where(c => c.ConnectedMember is null);
    private static int Position(QueueCall qc) => Waiting(qc.Queue).ToList().IndexOf(qc) + 1;

    /// <summary>Rings the members the strategy picks: ringall = every available member of the best penalty; rrmemory = the next one after the last rung.</summary>
    private void RingMembers(QueueCall qc)
    {
        if (qc.Ringing.Count > 0 || qc.ConnectedMember is not null) return;
        var q = qc.Queue;
        // Only the head of the queue is offered to members (app_queue serves callers in order).
        if (Waiting(q).FirstOrDefault() != qc) return;
        var available = q.Members.Where(m => IsAvailable(q, m, qc)).ToList();
        if (available.Count == 0) return;
        var best = available.Min(m => m.Penalty);
        var tier = available.Where(m => m.Penalty == best).ToList();
        List<QueueMember> toRing;
        if (q.Strategy == QueueStrategy.RingAll)
        {
            toRing = tier;
        }
        else
        {
            // rrmemory: the first member of the best tier after the one rung last, in member order, wrapping round.
            var last = q.Members.FindIndex(m => m.Interface == q.LastRung);
            toRing = [Enumerable.Range(1, q.Members.Count).Select(i => q.Members[(last + i) % q.Members.Count]).First(tier.Contains)];
        }
        foreach (var m in toRing)
        {
            q.LastRung = m.Interface;
            RingMember(qc, m);
        }
    }

    /// <summary>
    /// ring_entry: the member's channel (the phone's, or a Local <c>;1</c>) takes the caller's extension, AgentCalled,
    /// then DialBegin with the member interface as DialString, then ast_call (a Local pair starts its dialplan).
    /// </summary>
    private void RingMember(QueueCall qc, QueueMember m)
    {
        var caller = qc.Caller;
        var phone = PhoneOfInterface(m.Interface)!;
        var leg = IsLocal(m.Interface)
            ? RequestLocal(m.Interface, caller)
            : NewChannel(phone.Device, phone.Exten, phone.CallerIdName, phone.Context, caller.Exten, 0, caller.Linkedid);
        // ring_entry: the member's channel runs "AppQueue" "(Outgoing Line)".
        leg.Application = "AppQueue";
        leg.ApplicationData = "(Outgoing Line)";
        leg.ConnectedNum = caller.CallerIdNum;
        leg.ConnectedName = caller.CallerIdName;
        // A channel created without a caller id (a Local ;1) gets the number the caller dialed (ring_entry's guess).
        if (leg.CallerIdNum.Length == 0) SetCallerId(leg, caller.Exten, "");
        leg.DialedBy = caller;
        leg.RingingFor = qc;
        qc.Ringing.Add((leg, m, Now));
        Emit(QueueAgentBlock(AmiText.Event("AgentCalled", "agent,all"), qc, leg, m));
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("DialBegin", "call,all"), caller), leg, "Dest").Add("DialString", m.Interface));
        if (IsLocal(m.Interface)) CallLocal(leg, phone);
        else Ring(leg, phone);
    }

    /// <summary>
    /// The queue's ring timeout (wait_for_answer's timer, one for the whole attempt, so with ringall every leg still
    /// ringing times out together): rna for each (AgentRingNoAnswer, RingTime in ms, and autopause), DialEnd NOANSWER
    /// for each (publish_dial_end_event), then try_calling's hangupcalls: DialEnd CANCEL and each leg hangs up with no
    /// cause of its own; then the next round.
    /// </summary>
    private void MemberTimedOut(QueueCall qc, SimChannel leg)
    {
        var timedOut = qc.Queue.Strategy == QueueStrategy.RingAll ? qc.Ringing.ToList() : [qc.Ringing.First(r => r.Channel == leg)];
        foreach (var (channel, member, since) in timedOut)
        {
            Emit(QueueAgentBlock(AmiText.Event("AgentRingNoAnswer", "agent,all"), qc, channel, member).Add("RingTime", (int)(Now - since).TotalMilliseconds));
            AutoPause(qc.Queue, member);
        }
        foreach (var entry in timedOut)
            Emit(ChannelBlock(ChannelBlock(AmiText.Event("DialEnd", "call,all"), qc.Caller), entry.Channel, "Dest").Add("DialStatus", "NOANSWER"));
        // The legs stay listed while they hang up, so a member freed meanwhile does not start the next round early.
        foreach (var entry in timedOut) CancelLeg(qc.Caller, entry.Channel, 0);
        foreach (var entry in timedOut)
        {
            qc.Ringing.Remove(entry);
            qc.Declined.Add(entry.Member.Interface);
        }
        NextRound(qc);
    }

    /// <summary>rna with the queue's autopause: set_member_paused(…, "Auto-Pause", 1) in this queue (or all with autopause=all).</summary>
    private void AutoPause(SimQueue q, QueueMember m)
    {
        if (q.AutoPause == QueueAutoPause.No || m.Paused) return;
        foreach (var queue in _queues.Values.Where(x => q.AutoPause == QueueAutoPause.All || x == q))
            foreach (var member in queue.Members.Where(x => x.Interface.Equals(m.Interface, StringComparison.OrdinalIgnoreCase)))
            {
                member.Paused = true;
                member.PausedReason = "Auto-Pause";
                member.LastPause = Epoch(Now);
                Emit(MemberBlock(AmiText.Event("QueueMemberPause", "agent,all"), queue, member, MemberStatus(member)));
            }
    }

    private void DistributeWaitingCalls()
    {
        foreach (var q in _queues.Values)
            foreach (var qc in Waiting(q).ToList())
                RingMembers(qc);
    }

    private void MemberDidNotAnswer(QueueCall qc, SimChannel memberChannel)
    {
        var entry = qc.Ringing.FirstOrDefault(r => r.Channel == memberChannel);
        if (entry.Channel is null) return;
        qc.Ringing.Remove(entry);
        qc.Declined.Add(entry.Member.Interface);
        NextRound(qc);
    }

    /// <summary>Once nobody rings for the caller any more, the next members are tried (a new round when all were).</summary>
    private void NextRound(QueueCall qc)
    {
        if (qc.Ringing.Count > 0 || !qc.Queue.Callers.Contains(qc)) return;
        // Every member tried once: app_queue starts a new round after its retry delay.
        if (!qc.Queue.Members.Any(m => IsAvailable(qc.Queue, m, qc))) qc.Declined.Clear();
        RingMembers(qc);
    }

    /// <summary>
    /// try_calling once a member answered (DialEnd ANSWER came from wait_for_answer): hangupcalls cancels the others
    /// with cause 26, leave_queue (QueueCallerLeave), the member and queue variables, AgentConnect, then
    /// ast_bridge_call answers the caller and bridges (BridgeCreate, BridgeEnter).
    /// </summary>
    private void ConnectQueueCall(QueueCall qc, SimChannel memberChannel)
    {
        var entry = qc.Ringing.First(r => r.Channel == memberChannel);
        qc.Ringing.Remove(entry);
        memberChannel.RingingFor = null;
        var holdTime = (int)(Now - qc.Joined).TotalSeconds;
        qc.Queue.TotalHoldSeconds += holdTime;
        CancelRinging(qc, 26);
        EmitCallerLeave(qc);
        qc.ConnectedMember = entry.Member;
        qc.ConnectedChannel = memberChannel;
        qc.ConnectedAt = Now;
        entry.Member.InCall = true;
        if (Realistic)
        {
            var m = entry.Member;
            foreach (var (k, v) in new[] { ("MEMBERINTERFACE", m.Interface), ("MEMBERNAME", m.Name), ("MEMBERCALLS", m.CallsTaken.ToString()),
                         ("MEMBERLASTCALL", m.LastCall.ToString()), ("MEMBERPENALTY", m.Penalty.ToString()), ("MEMBERDYNAMIC", "1"), ("MEMBERREALTIME", "0"),
                         ("QEHOLDTIME", holdTime.ToString()), ("QEORIGINALPOS", qc.OriginalPosition.ToString()) })
                SetVariable(qc.Caller, k, v);
            QueueVariables(qc.Queue, qc.Caller);
            QueueVariables(qc.Queue, memberChannel);
            StopMusicOnHold(qc.Caller);
        }
        Emit(QueueAgentBlock(AmiText.Event("AgentConnect", "agent,all"), qc, memberChannel, entry.Member)
            .Add("HoldTime", holdTime).Add("RingTime", (int)(Now - entry.Since).TotalSeconds));
        SetDeviceState($"Queue:{qc.Queue.Name}", Waiting(qc.Queue).Any() ? "RINGING" : "NOT_INUSE");
        if (qc.Caller.State != 6) { qc.Caller.Answered = Now; SetState(qc.Caller, 6); }
        ConnectParties(qc.Caller, memberChannel);
        Bridge(memberChannel, qc.Caller);
        foreach (var next in Waiting(qc.Queue).ToList()) RingMembers(next);
        if (memberChannel.LocalOptimize && _channels.ContainsKey(memberChannel.Name)) OptimizeLocal(memberChannel);
    }

    /// <summary>res_musiconhold.c moh_post_stop: MusicOnHoldStop when the music stops (bridged, or the generator released at hang-up).</summary>
    private void StopMusicOnHold(SimChannel c)
    {
        if (!c.MusicOnHold) return;
        c.MusicOnHold = false;
        Emit(ChannelBlock(AmiText.Event("MusicOnHoldStop", "call,all"), c));
    }

    /// <summary>set_queue_variables (setqueuevar=yes): the queue's figures on a channel.</summary>
    private void QueueVariables(SimQueue q, SimChannel c)
    {
        foreach (var (k, v) in new[] { ("QUEUENAME", q.Name), ("QUEUEMAX", "0"), ("QUEUESTRATEGY", q.Strategy == QueueStrategy.RingAll ? "ringall" : "rrmemory"),
                     ("QUEUECALLS", Waiting(q).Count().ToString()), ("QUEUEHOLDTIME", (q.TotalHoldSeconds / Math.Max(1, q.Completed)).ToString()),
                     ("QUEUETALKTIME", (q.TotalTalkSeconds / Math.Max(1, q.Completed)).ToString()), ("QUEUECOMPLETED", q.Completed.ToString()),
                     ("QUEUEABANDONED", q.Abandoned.ToString()), ("QUEUESRVLEVEL", "0"), ("QUEUESRVLEVELPERF", "0.0") })
            SetVariable(c, k, v);
    }

    /// <summary>send_agent_complete: Reason caller, agent, or transfer (a blind or attended transfer of the call).</summary>
    private void CompleteQueueCall(QueueCall qc, string reason)
    {
        var m = qc.ConnectedMember!;
        var talk = (int)(Now - qc.ConnectedAt!.Value).TotalSeconds;
        qc.Queue.Callers.Remove(qc);
        qc.ConnectedMember = null;
        m.InCall = false;
        m.CallsTaken++;
        m.LastCall = Epoch(Now);
        if (qc.Queue.WrapUpSeconds > 0)
        {
            m.WrapUpUntil = Now.AddSeconds(qc.Queue.WrapUpSeconds);
            Schedule(TimeSpan.FromSeconds(qc.Queue.WrapUpSeconds), DistributeWaitingCalls);
        }
        qc.Queue.Completed++;
        qc.Queue.TotalTalkSeconds += talk;
        Emit(QueueAgentBlock(AmiText.Event("AgentComplete", "agent,all"), qc, qc.ConnectedChannel!, m)
            .Add("HoldTime", (int)(qc.ConnectedAt.Value - qc.Joined).TotalSeconds).Add("TalkTime", talk)
            .Add("Reason", reason));
    }

    /// <summary>
    /// The caller hangs up while members ring: wait_for_answer publishes DialEnd CANCEL for every leg, try_calling's
    /// hangupcalls (no exception, so no cause 26) publishes CANCEL again and hangs each up; then queue_exec's
    /// record_abandoned (QueueCallerAbandon) and leave_queue (QueueCallerLeave).
    /// </summary>
    private void Abandon(QueueCall qc)
    {
        var q = qc.Queue;
        foreach (var r in qc.Ringing)
            Emit(ChannelBlock(ChannelBlock(AmiText.Event("DialEnd", "call,all"), qc.Caller), r.Channel, "Dest").Add("DialStatus", "CANCEL"));
        CancelRinging(qc, 0);
        SideVariable(qc.Caller, "ABANDONED", "TRUE");
        Emit(ChannelBlock(AmiText.Event("QueueCallerAbandon", "agent,all"), qc.Caller).Add("Queue", q.Name)
            .Add("Position", Position(qc)).Add("OriginalPosition", qc.OriginalPosition).Add("HoldTime", (int)(Now - qc.Joined).TotalSeconds));
        EmitCallerLeave(qc);
        q.Callers.Remove(qc);
        q.Abandoned++;
        QueueDeviceState(q);
        foreach (var next in Waiting(q).ToList()) RingMembers(next);
    }

    /// <summary>Every member still ringing for this caller stops: DialEnd CANCEL, then its channel hangs up (hangupcalls).</summary>
    private void CancelRinging(QueueCall qc, int cause)
    {
        foreach (var r in qc.Ringing.ToList()) CancelLeg(qc.Caller, r.Channel, cause);
        qc.Ringing.Clear();
    }

    private void QueueTimeout(QueueCall qc)
    {
        CancelRinging(qc, 0);
        EmitCallerLeave(qc);
        qc.Queue.Callers.Remove(qc);
        QueueDeviceState(qc.Queue);
        SideVariable(qc.Caller, "QUEUESTATUS", "TIMEOUT");
        HangupChannel(qc.Caller, 16, "Normal Clearing");
    }

    internal IEnumerable<string> QueueStatusEvents(string? onlyQueue, string? actionId)
    {
        foreach (var q in _queues.Values.Where(q => onlyQueue is null || q.Name.Equals(onlyQueue, StringComparison.OrdinalIgnoreCase)))
        {
            var completed = Math.Max(1, q.Completed);
            yield return ListItem("QueueParams").Add("Queue", q.Name).Add("Max", 0)
                .Add("Strategy", q.Strategy == QueueStrategy.RingAll ? "ringall" : "rrmemory").Add("Calls", Waiting(q).Count())
                .Add("Holdtime", q.TotalHoldSeconds / completed).Add("TalkTime", q.TotalTalkSeconds / completed)
                .Add("Completed", q.Completed).Add("Abandoned", q.Abandoned).Add("ServiceLevel", 0)
                .Add("ServicelevelPerf", "0.0").Add("ServicelevelPerf2", "0.0").Add("Weight", 0).AddIf(actionId is not null, "ActionID", actionId).ToString();
            foreach (var m in q.Members)
                yield return ListItem("QueueMember").Add("Queue", q.Name).Add("Name", m.Name)
                    .Add("Location", m.Interface).Add("StateInterface", m.StateInterface).Add("Membership", m.Membership)
                    .Add("Penalty", m.Penalty).Add("CallsTaken", m.CallsTaken).Add("LastCall", m.LastCall.ToString())
                    .Add("LastPause", m.LastPause.ToString()).Add("LoginTime", m.LoginTime.ToString()).Add("InCall", m.InCall ? "1" : "0")
                    .Add("Status", MemberStatus(m)).Add("Paused", m.Paused ? "1" : "0").Add("PausedReason", m.PausedReason)
                    .Add("Wrapuptime", 0).AddIf(actionId is not null, "ActionID", actionId).ToString();
            var position = 0;
            foreach (var qc in Waiting(q))
                yield return ListItem("QueueEntry").Add("Queue", q.Name).Add("Position", ++position)
                    .Add("Channel", qc.Caller.Name).Add("Uniqueid", qc.Caller.Uniqueid).Add("CallerIDNum", Unknown(qc.Caller.CallerIdNum))
                    .Add("CallerIDName", Unknown(qc.Caller.CallerIdName)).Add("ConnectedLineNum", Unknown(qc.Caller.ConnectedNum))
                    .Add("ConnectedLineName", Unknown(qc.Caller.ConnectedName)).Add("Wait", (int)(Now - qc.Joined).TotalSeconds)
                    .Add("Priority", 0).AddIf(actionId is not null, "ActionID", actionId).ToString();
        }
    }

    internal IEnumerable<string> QueueSummaryEvents(string? onlyQueue, string? actionId)
    {
        foreach (var q in _queues.Values.Where(q => onlyQueue is null || q.Name.Equals(onlyQueue, StringComparison.OrdinalIgnoreCase)))
        {
            var completed = Math.Max(1, q.Completed);
            var longest = Waiting(q).Select(c => (int)(Now - c.Joined).TotalSeconds).DefaultIfEmpty(0).Max();
            yield return ListItem("QueueSummary").Add("Queue", q.Name)
                .Add("LoggedIn", q.Members.Count).Add("Available", q.Members.Count(m => !m.Paused && !m.InCall && MemberStatus(m) == 1))
                .Add("Callers", Waiting(q).Count()).Add("HoldTime", q.TotalHoldSeconds / completed).Add("TalkTime", q.TotalTalkSeconds / completed)
                .Add("LongestHoldTime", longest).AddIf(actionId is not null, "ActionID", actionId).ToString();
        }
    }

    /// <summary>A list item: app_queue writes <c>Event</c>, the fields, and the ActionID last; no Privilege line.</summary>
    internal static AmiText ListItem(string eventName) => new AmiText().Add("Event", eventName);
}
