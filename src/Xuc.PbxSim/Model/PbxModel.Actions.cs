using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

/// <summary>What the AMI actions do to the model; the dispatcher turns results into responses.</summary>
public sealed partial class PbxModel
{
    internal T Locked<T>(Func<T> f) { lock (_gate) return f(); }
    internal void Locked(Action f) { lock (_gate) f(); }

    /// <summary>
    /// Originate to a phone, as manager.c's action_originate / fast_originate do: the phone rings (or auto-answers),
    /// and once it answers the call goes on to the exten (or runs the application). Async: OriginateResponse reports
    /// the outcome to every session; sync: <paramref name="syncDone"/> answers the asking session, with no event.
    /// A phone that declines, does not answer within the timeout, or hangs up first makes the originate fail.
    /// </summary>
    internal void Originate(OriginateRequest o, Action<bool>? syncDone)
    {
        void Finish(bool success, int reason, SimChannel? channel)
        {
            if (syncDone is not null) { syncDone(success); return; }
            Emit(OriginateResponse(o, success ? "Success" : "Failure", reason, channel));
        }

        var ep = EndpointOfDevice(o.Channel);
        if (ep is null || !ep.Registered)
        {
            // ast_request found no such device (or it is not reachable): no channel is created.
            Finish(false, 0, null);
            return;
        }
        var a = NewChannel(ep.Device, o.CallerIdNum ?? ep.Exten, o.CallerIdName ?? ep.CallerIdName, o.Context.Length > 0 ? o.Context : "default", o.Exten.Length > 0 ? o.Exten : "s", 0);
        foreach (var (k, v) in o.Variables) SetVariable(a, k, v);
        if (ep.Behaviour is EndpointBehaviour.Reject)
        {
            HangupChannel(a, 17, "User busy");
            Finish(false, 5, null);
            return;
        }
        SetState(a, 5);
        _pendingOriginates[a.Name] = new PendingOriginate(
            Answered: () =>
            {
                if (!_channels.ContainsKey(a.Name)) return;
                a.Answered = Now;
                SetState(a, 6);
                Finish(true, 4, a);
                if (o.Application is not null && o.Application.Equals("ChanSpy", StringComparison.OrdinalIgnoreCase)) RunChanSpy(a, o.Data);
                else if (o.Application is not null) a.Application = o.Application;
                else if (o.Exten.Length > 0) Route(a, o.Exten);
            },
            // AST_CONTROL_BUSY for a declined call, RINGING when the timeout expired while it rang, HANGUP otherwise.
            Failed: cause => Finish(false, cause switch { 17 or 21 => 5, 19 => 3, _ => 1 }, null));
        // A desk phone asked by the CTI answers by itself (auto-answer); a Manual phone waits for Answer() or a NOTIFY talk.
        if (ep.Behaviour == EndpointBehaviour.AutoAnswer)
            Schedule(ep.AnswerDelay, () => TryAnswerOriginated(a));
        Schedule(o.Timeout, () => { if (_pendingOriginates.ContainsKey(a.Name) && a.State == 5) HangupChannel(a, 19, "No answer"); });
    }

    /// <summary>Answers a ringing channel that an Originate is waiting on; false when none is.</summary>
    private bool TryAnswerOriginated(SimChannel c)
    {
        if (!_pendingOriginates.Remove(c.Name, out var pending)) return false;
        pending.Answered();
        return true;
    }

    /// <summary>A channel being torn down: an originate still waiting on it has failed.</summary>
    private void FailOriginate(SimChannel c, int cause)
    {
        if (_pendingOriginates.Remove(c.Name, out var pending)) pending.Failed(cause);
    }

    private sealed record PendingOriginate(Action Answered, Action<int> Failed);

    private readonly Dictionary<string, PendingOriginate> _pendingOriginates = new();

    /// <summary>fast_originate's event: Context/Exten for a dialplan originate, Application/Data for an application one.</summary>
    private static AmiText OriginateResponse(OriginateRequest o, string response, int reason, SimChannel? channel)
    {
        var t = AmiText.Event("OriginateResponse", "call,all");
        if (o.ActionId is not null) t.Add("ActionID", o.ActionId);
        t.Add("Response", response).Add("Channel", channel?.Name ?? o.Channel);
        if (o.Application is not null) t.Add("Application", o.Application).Add("Data", o.Data);
        else t.Add("Context", o.Context).Add("Exten", o.Exten);
        return t.Add("Reason", reason).Add("Uniqueid", channel?.Uniqueid ?? o.ChannelId ?? "<unknown>")
            .Add("CallerIDNum", o.CallerIdNum ?? "<unknown>").Add("CallerIDName", o.CallerIdName ?? "<unknown>");
    }

    internal IEnumerable<string> CoreShowChannelEvents(string? actionId)
    {
        foreach (var c in _channels.Values.OrderBy(c => c.Created))
        {
            var t = new AmiText().Add("Event", "CoreShowChannel");
            if (actionId is not null) t.Add("ActionID", actionId);
            ChannelBlock(t, c).Add("BridgeId", c.Bridge?.Uniqueid ?? "").Add("Application", c.Application).Add("ApplicationData", c.ApplicationData)
                .Add("Duration", (Now - c.Created).ToString(@"hh\:mm\:ss"));
            yield return t.ToString();
        }
    }

    internal IEnumerable<string> ExtensionStateEvents(string? actionId)
    {
        foreach (var ep in _endpoints.Values.OrderBy(e => e.Exten, StringComparer.Ordinal))
        {
            var (_, status, text, _) = DeviceState(ep.Device);
            var t = new AmiText().Add("Event", "ExtensionStatus");
            if (actionId is not null) t.Add("ActionID", actionId);
            yield return t.Add("Exten", ep.Exten).Add("Context", ep.Context).Add("Hint", ep.Device).Add("Status", status).Add("StatusText", text).ToString();
        }
    }

    /// <summary>
    /// Sends a channel to another dialplan location. It leaves its bridge; a two-party peer left alone hangs up, as
    /// the basic bridge does (which is why a CTI moves both parties with ExtraChannel).
    /// </summary>
    internal void Redirect(SimChannel c, string exten, string context)
    {
        var bridge = c.Bridge;
        Relocate(c, exten, context);
        HangUpLonePeer(bridge);
    }

    /// <summary>A dual redirect: both channels leave their bridge together, so neither is left alone to hang up.</summary>
    internal void RedirectBoth(SimChannel c, SimChannel c2, string exten, string context, string exten2, string context2)
    {
        // AST_FLAG_BRIDGE_DUAL_REDIRECT_WAIT: both leave the bridge before either runs its new dialplan.
        LeaveBridge(c);
        LeaveBridge(c2);
        Relocate(c, exten, context);
        Relocate(c2, exten2, context2);
    }

    private void Relocate(SimChannel c, string exten, string context)
    {
        LeaveBridge(c);
        c.Context = context;
        c.Exten = exten;
        Route(c, exten);
    }

    /// <summary>
    /// PlayDTMF: sent out to the channel's own end (ast_senddigit_external: DTMFBegin/End Direction Sent), or with
    /// Receive queued as if that end pressed it, so the bridge passes it to the other party (Direction Received).
    /// </summary>
    internal void PlayDtmf(SimChannel c, string digit, bool receive = true)
    {
        var direction = receive ? "Received" : "Sent";
        Emit(ChannelBlock(AmiText.Event("DTMFBegin", "dtmf,all"), c).Add("Digit", digit).Add("Direction", direction));
        Emit(ChannelBlock(AmiText.Event("DTMFEnd", "dtmf,all"), c).Add("Digit", digit).Add("DurationMs", 100).Add("Direction", direction));
    }

    internal void SetChannelVariable(SimChannel c, string name, string value) => SetVariable(c, name, value);

    internal void DbPut(string family, string key, string value) => _astDb[family + "/" + key] = value;
    internal string? DbGet(string family, string key) => _astDb.GetValueOrDefault(family + "/" + key);

    /// <summary>
    /// app_mixmonitor.c manager_mute_mixmonitor: false ("Cannot set mute flag") when the channel never had an audiohook
    /// (ast_audiohook_set_mute_all answers -1); otherwise the MixMonitorMute event, even when no recording runs (count 0).
    /// </summary>
    internal bool MixMonitorMute(SimChannel c, string direction, bool mute)
    {
        if (!c.Audiohooks) return false;
        Emit(ChannelBlock(AmiText.Event("MixMonitorMute", "call,all"), c).Add("Direction", direction).Add("State", mute ? "1" : "0"));
        return true;
    }

    /// <summary>
    /// mixmonitor_exec (the MixMonitor application in the dialplan, or the manager action): MIXMONITOR_FILENAME (a relative
    /// name under the monitor spool directory, filename_parse), then MixMonitorStart. False when there is no file name.
    /// </summary>
    internal bool StartMixMonitor(SimChannel c, string file)
    {
        if (file.Length == 0) return false;
        c.Audiohooks = true;
        c.Recording = true;
        SetVariable(c, "MIXMONITOR_FILENAME", file.StartsWith('/') ? file : "/var/spool/asterisk/monitor/" + file);
        Emit(ChannelBlock(AmiText.Event("MixMonitorStart", "call,all"), c));
        return true;
    }

    /// <summary>stop_mixmonitor_full: false when no recording runs on the channel, else MixMonitorStop.</summary>
    internal bool StopMixMonitor(SimChannel c)
    {
        if (!c.Recording) return false;
        c.Recording = false;
        Emit(ChannelBlock(AmiText.Event("MixMonitorStop", "call,all"), c));
        return true;
    }

    /// <summary>The dialplan (or another tool) starts recording the call of a phone (its oldest answered channel), or a channel by name or uniqueid.</summary>
    public void Record(string extenOrChannel, string file)
    {
        lock (_gate)
        {
            var c = CallOf(extenOrChannel) ?? throw new SimulationException($"no call on {extenOrChannel}");
            StartMixMonitor(c, file);
        }
    }

    /// <summary>The dialplan runs StopMixMonitor on the call of a phone, or a channel.</summary>
    public void StopRecording(string extenOrChannel)
    {
        lock (_gate)
        {
            var c = CallOf(extenOrChannel) ?? throw new SimulationException($"no call on {extenOrChannel}");
            if (!StopMixMonitor(c)) throw new SimulationException($"nothing records {c.Name}");
        }
    }

    /// <summary>PJSIPNotify Event=talk answers a ringing phone remotely; Event=hold toggles hold (desk-phone control).</summary>
    internal string? Notify(Endpoint ep, IReadOnlyDictionary<string, string> headers)
    {
        if (!headers.TryGetValue("Event", out var ev)) return null;
        if (ev.Equals("talk", StringComparison.OrdinalIgnoreCase))
        {
            var ringing = _channels.Values.FirstOrDefault(c => c.Device == ep.Device && c.State == 5);
            if (ringing is not null)
            {
                if (!TryAnswerOriginated(ringing)) AnswerChannel(ringing);
            }
        }
        else if (ev.Equals("hold", StringComparison.OrdinalIgnoreCase))
        {
            // The phone toggles hold on its active call: the one talking if any, else the last one it holds.
            var up = _channels.Values.Where(c => c.Device == ep.Device && c.State == 6).OrderBy(c => c.Created).ToList();
            var call = up.FirstOrDefault(c => !c.OnHold) ?? up.LastOrDefault();
            if (call is not null)
            {
                call.OnHold = !call.OnHold;
                Emit(call.OnHold ? ChannelBlock(AmiText.Event("Hold", "call,all"), call).Add("MusicClass", "default") : ChannelBlock(AmiText.Event("Unhold", "call,all"), call));
                UpdateDeviceState(ep.Device);
            }
        }
        return null;
    }

    /// <summary>res_mutestream mute_channel: <c>in</c>, <c>out</c> or <c>all</c> (case-sensitive, as strcmp); false for another direction.</summary>
    internal bool MuteAudio(SimChannel c, string direction, bool mute)
    {
        var (read, write) = direction switch { "in" => (true, false), "out" => (false, true), "all" => (true, true), _ => (false, false) };
        if (!read && !write) return false;
        if (read) c.MutedIn = mute;
        if (write) c.MutedOut = mute;
        return true;
    }

    internal Endpoint? EndpointByName(string name) => _endpoints.GetValueOrDefault(name) ?? EndpointOfDevice(name);

    internal SimChannel? ChannelByName(string name) => FindChannel(name);
}
