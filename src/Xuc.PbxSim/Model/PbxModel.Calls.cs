using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

public sealed partial class PbxModel
{
    /// <summary>
    /// An outside caller (on the trunk) calls a number: a queue's number or name, or a phone. <paramref name="variables"/>:
    /// what the inbound route sets (<c>Set(__USR_X=...)</c>, a VarSet each) before the destination.
    /// </summary>
    public string ExternalCall(string from = "0612345678", string to = "3000", string callerName = "", IReadOnlyDictionary<string, string>? variables = null)
    {
        lock (_gate)
        {
            var caller = NewChannel($"{Tech}/trunk", from, callerName, "from-external", to, 4);
            InboundSteps(caller, to);
            foreach (var (k, v) in variables ?? new Dictionary<string, string>()) SetVariable(caller, k, v);
            Route(caller, to);
            return caller.Uniqueid;
        }
    }

    /// <summary>A phone dials a number (what Originate does once the phone answers).</summary>
    public string Dial(string fromExten, string to, IReadOnlyDictionary<string, string>? variables = null)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(fromExten);
            // The phone's own channel starts in Ring; Dial answers it when the callee answers.
            var caller = NewChannel(ep.Device, ep.Exten, ep.CallerIdName, ep.Context, to, 4);
            foreach (var (k, v) in variables ?? new Dictionary<string, string>()) SetVariable(caller, k, v);
            UpdateDeviceState(ep.Device);
            Route(caller, to);
            return caller.Uniqueid;
        }
    }

    private void Route(SimChannel caller, string destination)
    {
        var queue = _queues.Values.FirstOrDefault(q => q.Number == destination || q.Name.Equals(destination, StringComparison.OrdinalIgnoreCase));
        if (queue is not null) { JoinQueue(queue, caller); return; }
        if (_endpoints.TryGetValue(destination, out var ep))
        {
            Step(caller, "Dial", $"{ep.Device},30");
            DialEndpoint(caller, ep);
            return;
        }
        if (IsConferenceNumber(destination)) { AnswerInConference(caller, destination); return; }
        HangupChannel(caller, 1, "Unallocated (unassigned) number");
    }

    /// <summary>
    /// app_dial (or a Local channel's <c>;2</c> running Dial): the phone's channel, DialBegin with the resource as
    /// DialString, the phone rings. A phone rung for a Local <c>;1</c> makes that half ring too.
    /// </summary>
    private SimChannel DialEndpoint(SimChannel caller, Endpoint ep)
    {
        var callee = NewChannel(ep.Device, ep.Exten, ep.CallerIdName, ep.Context, ep.Exten, 0, caller.Linkedid);
        // dial_exec_full: the channel it requested runs "AppDial" "(Outgoing Line)" (CoreShowChannel's Application).
        callee.Application = "AppDial";
        callee.ApplicationData = "(Outgoing Line)";
        callee.ConnectedNum = caller.CallerIdNum;
        callee.ConnectedName = caller.CallerIdName;
        callee.DialedBy = caller;
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("DialBegin", "call,all"), caller), callee, "Dest").Add("DialString", ep.Exten));
        Ring(callee, ep);
        return callee;
    }

    /// <summary>The dialed phone answers the INVITE: busy (a declined, DND or unregistered phone), or ringing.</summary>
    private void Ring(SimChannel callee, Endpoint ep)
    {
        if (ep.Behaviour == EndpointBehaviour.Reject || ep.DoNotDisturb || !ep.Registered)
        {
            EndRinging(callee, "BUSY", 17, "User busy");
            return;
        }
        SetState(callee, 5);
        if (callee.DialedBy?.LocalOther is { State: not (5 or 6) } one) SetState(one, 5);
        if (ep.Behaviour == EndpointBehaviour.AutoAnswer)
            Schedule(ep.AnswerDelay, () => { if (_channels.ContainsKey(callee.Name) && callee.State == 5) AnswerChannel(callee); });
    }

    /// <summary>The phone answers its ringing call (the oldest one if several ring).</summary>
    public void Answer(string exten)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(exten);
            var ringing = _channels.Values.Where(c => c.Device == ep.Device && c.State == 5).OrderBy(c => c.Created).FirstOrDefault()
                          ?? throw new SimulationException($"nothing rings on {exten}");
            if (!TryAnswerOriginated(ringing)) AnswerChannel(ringing);
        }
    }

    /// <summary>The phone declines its ringing call.</summary>
    public void Reject(string exten)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(exten);
            var ringing = _channels.Values.Where(c => c.Device == ep.Device && c.State == 5).OrderBy(c => c.Created).FirstOrDefault()
                          ?? throw new SimulationException($"nothing rings on {exten}");
            EndRinging(ringing, "BUSY", 17, "User busy");
        }
    }

    /// <summary>The ring timeout expires on the phone's ringing call (queue member timeout, Dial timeout).</summary>
    public void RingTimeout(string exten)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(exten);
            var ringing = _channels.Values.Where(c => c.Device == ep.Device && c.State == 5).OrderBy(c => c.Created).FirstOrDefault()
                          ?? throw new SimulationException($"nothing rings on {exten}");
            // A queue member's timeout is app_queue's own timer on the leg it dialed (the phone, or the Local ;1).
            var leg = ringing.DialedBy?.LocalOther ?? ringing;
            if (leg.RingingFor is { } qc) MemberTimedOut(qc, leg);
            else EndRinging(ringing, "NOANSWER", 19, "No answer");
        }
    }

    /// <summary>The phone hangs up (all its channels), or a channel by name or uniqueid.</summary>
    public void Hangup(string extenOrChannel)
    {
        lock (_gate)
        {
            var targets = _endpoints.TryGetValue(extenOrChannel, out var ep)
                ? _channels.Values.Where(c => c.Device == ep.Device).ToList()
                : FindChannel(extenOrChannel) is { } c ? [c] : [];
            if (targets.Count == 0) throw new SimulationException($"no call on {extenOrChannel}");
            foreach (var t in targets.Where(t => _channels.ContainsKey(t.Name))) HangupChannel(t, 16, "Normal Clearing", byDriver: true);
        }
    }

    /// <summary>
    /// The manager Hangup action: manager.c action_hangup uses ast_channel_softhangup_withcause_locked, which raises
    /// no HangupRequest/SoftHangupRequest (only ast_softhangup and ast_queue_hangup* publish one).
    /// </summary>
    internal void HangupByManager(SimChannel c, int cause = 16) => HangupChannel(c, cause, CauseText(cause));

    private static string CauseText(int cause) => cause switch
    {
        0 => "Unknown", 1 => "Unallocated (unassigned) number", 16 => "Normal Clearing", 17 => "User busy",
        19 => "No answer", 21 => "Call Rejected", 26 => "Answered elsewhere", _ => "Unknown",
    };

    public void Hold(string extenOrChannel, bool hold)
    {
        lock (_gate)
        {
            var c = CallOf(extenOrChannel) ?? throw new SimulationException($"no call on {extenOrChannel}");
            if (c.OnHold == hold) return;
            c.OnHold = hold;
            Emit(hold ? ChannelBlock(AmiText.Event("Hold", "call,all"), c).Add("MusicClass", "default") : ChannelBlock(AmiText.Event("Unhold", "call,all"), c));
            UpdateDeviceState(c.Device);
        }
    }

    private SimChannel? CallOf(string extenOrChannel)
        => _endpoints.TryGetValue(extenOrChannel, out var ep)
            ? _channels.Values.Where(c => c.Device == ep.Device && c.State == 6).OrderBy(c => c.Created).FirstOrDefault()
            : FindChannel(extenOrChannel);

    internal SimChannel? FindChannel(string nameOrUniqueid)
        => _channels.TryGetValue(nameOrUniqueid, out var c) ? c : _channels.Values.FirstOrDefault(x => x.Uniqueid == nameOrUniqueid);

    private void AnswerChannel(SimChannel callee)
    {
        callee.Answered = Now;
        SetState(callee, 6);
        var caller = callee.DialedBy;
        if (caller is null) return;
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("DialEnd", "call,all"), caller), callee, "Dest").Add("DialStatus", "ANSWER"));
        AfterDial(caller, callee);
        if (callee.RingingFor is { } qc) { ConnectQueueCall(qc, callee); return; }
        if (caller.State != 6) { caller.Answered = Now; SetState(caller, 6); }
        ConnectParties(caller, callee);
        if (caller.Bridge is { } existing) EnterBridge(existing, callee);
        else Bridge(caller, callee);
        // A Local ;2 answered and bridged with the phone: the ;1 half answers the queue that dialed it.
        if (caller.LocalOther is { RingingFor: not null } one && _channels.ContainsKey(one.Name)) AnswerChannel(one);
        // Any other Local ;2 answered by its phone answers its ;1 (e.g. the target of a manager attended transfer).
        else if (caller.LocalOther is { } half) LocalTargetAnswered(half);
    }

    /// <summary>app_dial's variables on the dialing channel once the dial ends (DIALSTATUS, DIALEDPEER…), at the realistic level.</summary>
    private void AfterDial(SimChannel caller, SimChannel callee)
    {
        if (caller.RingingFor is not null || callee.RingingFor is not null) return;
        SideVariable(caller, "DIALEDPEERNAME", callee.Name);
        SideVariable(caller, "DIALEDPEERNUMBER", callee.Exten);
        SideVariable(caller, "ANSWEREDTIME", "0");
        SideVariable(caller, "DIALSTATUS", "ANSWER");
    }

    private void ConnectParties(SimChannel a, SimChannel b)
    {
        b.ConnectedNum = a.CallerIdNum; b.ConnectedName = a.CallerIdName;
        a.ConnectedNum = b.CallerIdNum; a.ConnectedName = b.CallerIdName;
        Emit(ChannelBlock(AmiText.Event("NewConnectedLine", "call,all"), a));
    }

    /// <summary>A ringing leg ends without answer: DialEnd with the status, the leg hangs up, the caller goes on.</summary>
    private void EndRinging(SimChannel callee, string dialStatus, int cause, string causeText)
    {
        var caller = callee.DialedBy;
        if (caller is not null)
            Emit(ChannelBlock(ChannelBlock(AmiText.Event("DialEnd", "call,all"), caller), callee, "Dest").Add("DialStatus", dialStatus));
        var queueCall = callee.RingingFor;
        // wait_for_answer on BUSY or on the member's leg hanging up: DialEnd, then rna (RingTime in whole seconds × 1000).
        if (queueCall?.Ringing.FirstOrDefault(r => r.Channel == callee) is { Channel: not null } entry)
        {
            Emit(QueueAgentBlock(AmiText.Event("AgentRingNoAnswer", "agent,all"), queueCall, callee, entry.Member)
                .Add("RingTime", (int)(Now - entry.Since).TotalSeconds * 1000));
            if (dialStatus == "BUSY") AutoPause(queueCall.Queue, entry.Member);
        }
        callee.DialedBy = null;
        callee.RingingFor = null;
        HangupChannel(callee, cause, causeText);
        if (queueCall is not null)
        {
            MemberDidNotAnswer(queueCall, callee);
        }
        else if (caller is not null && _channels.ContainsKey(caller.Name) && caller.Bridge is null)
        {
            // A plain Dial that failed: the caller's dialplan ends and it hangs up with the callee's cause.
            SideVariable(caller, "DIALSTATUS", dialStatus);
            HangupChannel(caller, cause, causeText);
        }
    }

    /// <summary>
    /// Tears a channel down with Asterisk's events: bridge leave (the lone peer hangs up too), queue bookkeeping,
    /// Hangup. <paramref name="byDriver"/>: the hang-up comes from the channel's own side (chan_pjsip's session end
    /// calls ast_queue_hangup_with_cause → HangupRequest with the cause); a peer the bridge drops (bridge.c
    /// bridge_dissolve) and a leg the dialing application cancels (app_queue hangupcalls, app_dial hanguptree) raise none.
    /// </summary>
    private void HangupChannel(SimChannel c, int cause, string causeText, bool byDriver = false)
    {
        if (!_channels.ContainsKey(c.Name)) return;
        if (byDriver) Emit(ChannelBlock(AmiText.Event("HangupRequest", "call,all"), c).Add("Cause", cause));
        // A spyer's ChanSpy sees its own hang-up first (ast_read fails): ChanSpyStop before anything else of it.
        StopSpying(c);

        var waiting = _queues.Values.SelectMany(q => q.Callers).FirstOrDefault(qc => qc.Caller == c);
        if (waiting is not null && waiting.ConnectedMember is null) Abandon(waiting);

        // Legs this channel was still dialing are cancelled: "answered elsewhere" only passes on with cause 26
        // (app_dial's OPT_CANCEL_ELSEWHERE inherited from the caller); otherwise they end with no cause of their own.
        foreach (var leg in _channels.Values.Where(x => x.DialedBy == c && x.State != 6).ToList())
            CancelLeg(c, leg, cause == 26 ? 26 : 0);

        var connected = _queues.Values.SelectMany(q => q.Callers).FirstOrDefault(qc => qc.ConnectedMember is not null && (qc.Caller == c || qc.ConnectedChannel == c));
        var bridge = c.Bridge;
        LeaveBridge(c);
        AtxferPartyGone(c);
        if (connected is not null) CompleteQueueCall(connected, connected.Caller == c ? "caller" : "agent");
        if (c.Conference is not null) LeaveConferenceInternal(c);

        StopMusicOnHold(c);
        HangupVariables(c);
        HangupSteps(c, cause);
        _channels.Remove(c.Name);
        FailOriginate(c, cause);
        // unreal_hangup queues the hang-up on the other Local half while this one is torn down.
        var otherHalf = c.LocalOther is { } o && _channels.ContainsKey(o.Name) ? o : null;
        if (otherHalf is not null) Emit(ChannelBlock(AmiText.Event("HangupRequest", "call,all"), otherHalf).Add("Cause", cause));
        var spyersDone = SpyingEnds(c);
        Emit(ChannelBlock(AmiText.Event("Hangup", "call,all"), c).Add("Cause", cause).Add("Cause-txt", causeText));
        Cdr(c);
        UpdateDeviceState(c.Device);
        if (otherHalf is not null) LocalHalfGone(otherHalf, cause, causeText);

        HangUpLonePeer(bridge);
        // ChanSpys that exit now hang up (their application returned); the others look for another channel.
        foreach (var spyer in spyersDone) HangupChannel(spyer, 16, "Normal Clearing");
        if (AnySpyWaiting) LookForSpyees();
    }

    /// <summary>
    /// What a hanging-up channel sets at the realistic level: chan_pjsip's RTCP summary (RTPAUDIOQOS*, also on its
    /// bridge peer as RTPAUDIOQOS*BRIDGED) for an answered PJSIP channel.
    /// </summary>
    private void HangupVariables(SimChannel c)
    {
        if (!Realistic || c.Answered is null || IsLocal(c.Name)) return;
        const string qos = "ssrc=12345678;themssrc=87654321;lp=0;rxjitter=0.000000;rxcount=1500;txjitter=0.000000;txcount=1500;rlp=0;rtt=0.000000";
        SetVariable(c, "RTPAUDIOQOS", qos);
        SetVariable(c, "RTPAUDIOQOSJITTER", "minrxjitter=0.000000;maxrxjitter=0.000000;avgrxjitter=0.000000;stdevrxjitter=0.000000;");
        SetVariable(c, "RTPAUDIOQOSLOSS", "minrxlost=0.000000;maxrxlost=0.000000;avgrxlost=0.000000;stdevrxlost=0.000000;");
        SetVariable(c, "RTPAUDIOQOSRTT", "minrtt=0.000000;maxrtt=0.000000;avgrtt=0.000000;stdevrtt=0.000000;");
        if (c.Bridge?.Channels.FirstOrDefault(x => x != c) is { } peer)
        {
            SetVariable(peer, "RTPAUDIOQOSBRIDGED", qos);
            SetVariable(peer, "RTPAUDIOQOSJITTERBRIDGED", "minrxjitter=0.000000;maxrxjitter=0.000000;avgrxjitter=0.000000;stdevrxjitter=0.000000;");
            SetVariable(peer, "RTPAUDIOQOSLOSSBRIDGED", "minrxlost=0.000000;maxrxlost=0.000000;avgrxlost=0.000000;stdevrxlost=0.000000;");
            SetVariable(peer, "RTPAUDIOQOSRTTBRIDGED", "minrtt=0.000000;maxrtt=0.000000;avgrtt=0.000000;stdevrtt=0.000000;");
        }
    }

    /// <summary>A basic two-party bridge a channel has left: the peer left alone hangs up (bridge_dissolve, no request event).</summary>
    private void HangUpLonePeer(SimBridge? bridge)
    {
        if (bridge is { Channels.Count: 1 }) HangupChannel(bridge.Channels[0], 16, "Normal Clearing");
    }

    /// <summary>A ringing leg is called off by its caller: DialEnd CANCEL, then the leg hangs up with the cause given (26 or none).</summary>
    private void CancelLeg(SimChannel caller, SimChannel leg, int cause)
    {
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("DialEnd", "call,all"), caller), leg, "Dest").Add("DialStatus", "CANCEL"));
        leg.DialedBy = null;
        leg.RingingFor = null;
        HangupChannel(leg, cause, CauseText(cause));
    }

    /// <summary>Runs <paramref name="action"/> under the model lock after <paramref name="delay"/>.</summary>
    private void Schedule(TimeSpan delay, Action action)
        => _ = Task.Delay(delay).ContinueWith(_ =>
        {
            lock (_gate)
            {
                try { action(); }
                catch (SimulationException) { /* the call moved on meanwhile */ }
            }
        }, TaskScheduler.Default);
}
