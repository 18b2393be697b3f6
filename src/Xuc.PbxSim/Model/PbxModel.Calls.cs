using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

public sealed partial class PbxModel
{
    /// <summary>An outside caller (on the trunk) calls a number: a queue's number or name, or a phone.</summary>
    public string ExternalCall(string from = "0612345678", string to = "3000", string callerName = "")
    {
        lock (_gate)
        {
            var caller = NewChannel($"{Tech}/trunk", from, callerName, "from-external", to, 4);
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
        if (_endpoints.TryGetValue(destination, out var ep)) { DialEndpoint(caller, ep); return; }
        if (IsConferenceNumber(destination)) { AnswerInConference(caller, destination); return; }
        HangupChannel(caller, 1, "Unallocated (unassigned) number");
    }

    private SimChannel DialEndpoint(SimChannel caller, Endpoint ep, QueueCall? forQueue = null, QueueMember? member = null)
    {
        var callee = NewChannel(ep.Device, ep.Exten, ep.CallerIdName, ep.Context, ep.Exten, 0, caller.Linkedid);
        callee.ConnectedNum = caller.CallerIdNum;
        callee.ConnectedName = caller.CallerIdName;
        callee.DialedBy = caller;
        callee.RingingFor = forQueue;
        var dial = ChannelBlock(ChannelBlock(AmiText.Event("DialBegin", "call,all"), caller), callee, "Dest").Add("DialString", ep.Exten);
        Emit(dial);
        if (forQueue is not null && member is not null)
        {
            forQueue.Ringing.Add((callee, member, Now));
            Emit(QueueAgentBlock(AmiText.Event("AgentCalled", "agent,all"), forQueue, callee, member));
        }
        if (ep.Behaviour == EndpointBehaviour.Reject || ep.DoNotDisturb || !ep.Registered)
        {
            EndRinging(callee, "BUSY", 17, "User busy");
            return callee;
        }
        SetState(callee, 5);
        if (ep.Behaviour == EndpointBehaviour.AutoAnswer)
            Schedule(ep.AnswerDelay, () => { if (_channels.ContainsKey(callee.Name) && callee.State == 5) AnswerChannel(callee); });
        return callee;
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
            EndRinging(ringing, "NOANSWER", 19, "No answer");
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
            foreach (var t in targets.Where(t => _channels.ContainsKey(t.Name))) HangupChannel(t, 16, "Normal Clearing");
        }
    }

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
        if (callee.RingingFor is { } qc) { ConnectQueueCall(qc, callee); return; }
        if (caller.State != 6) { caller.Answered = Now; SetState(caller, 6); }
        ConnectParties(caller, callee);
        if (caller.Bridge is { } existing) EnterBridge(existing, callee);
        else Bridge(caller, callee);
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
        callee.DialedBy = null;
        HangupChannel(callee, cause, causeText);
        if (queueCall is not null)
        {
            MemberDidNotAnswer(queueCall, callee, dialStatus);
        }
        else if (caller is not null && _channels.ContainsKey(caller.Name) && caller.Bridge is null)
        {
            // A plain Dial that failed: the caller's dialplan ends and it hangs up with the callee's cause.
            HangupChannel(caller, cause, causeText);
        }
    }

    /// <summary>Tears a channel down with Asterisk's events: bridge leave (the lone peer hangs up too), queue bookkeeping, Hangup.</summary>
    private void HangupChannel(SimChannel c, int cause, string causeText)
    {
        if (!_channels.ContainsKey(c.Name)) return;
        Emit(ChannelBlock(AmiText.Event("HangupRequest", "call,all"), c).Add("Cause", cause));

        // Legs this channel was still ringing are cancelled.
        foreach (var leg in _channels.Values.Where(x => x.DialedBy == c && x.State != 6).ToList())
            CancelLeg(c, leg, 26, "Answered elsewhere");

        var waiting = _queues.Values.SelectMany(q => q.Callers).FirstOrDefault(qc => qc.Caller == c);
        if (waiting is not null && waiting.ConnectedMember is null) Abandon(waiting);

        var connected = _queues.Values.SelectMany(q => q.Callers).FirstOrDefault(qc => qc.ConnectedMember is not null && (qc.Caller == c || qc.ConnectedChannel == c));
        var bridge = c.Bridge;
        LeaveBridge(c);
        if (connected is not null) CompleteQueueCall(connected, hungUpBy: c);
        if (c.Conference is not null) LeaveConferenceInternal(c);

        _channels.Remove(c.Name);
        FailOriginate(c, cause);
        Emit(ChannelBlock(AmiText.Event("Hangup", "call,all"), c).Add("Cause", cause).Add("Cause-txt", causeText));
        UpdateDeviceState(c.Device);

        HangUpLonePeer(bridge);
    }

    /// <summary>A basic two-party bridge a channel has left: the peer left alone in it hangs up.</summary>
    private void HangUpLonePeer(SimBridge? bridge)
    {
        if (bridge is { Channels.Count: 1 }) HangupChannel(bridge.Channels[0], 16, "Normal Clearing");
    }

    /// <summary>A ringing leg is called off by its caller: DialEnd CANCEL, then the leg hangs up.</summary>
    private void CancelLeg(SimChannel caller, SimChannel leg, int cause, string causeText)
    {
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("DialEnd", "call,all"), caller), leg, "Dest").Add("DialStatus", "CANCEL"));
        leg.DialedBy = null;
        leg.RingingFor = null;
        HangupChannel(leg, cause, causeText);
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
