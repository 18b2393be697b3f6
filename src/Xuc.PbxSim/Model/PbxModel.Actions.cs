using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

/// <summary>What the AMI actions do to the model; the dispatcher turns results into responses.</summary>
public sealed partial class PbxModel
{
    internal T Locked<T>(Func<T> f) { lock (_gate) return f(); }
    internal void Locked(Action f) { lock (_gate) f(); }

    /// <summary>Originate to a phone: it rings (or auto-answers), then the call goes on to the exten; OriginateResponse follows.</summary>
    internal void Originate(string channel, string? exten, string context, string? application, IReadOnlyDictionary<string, string> variables, string? actionId, string? callerId)
    {
        var device = channel.Contains('/') ? channel : Tech + "/" + channel;
        var ep = EndpointOfDevice(device);
        if (ep is null)
        {
            Emit(OriginateResponse(actionId, "Failure", channel, context, exten, application, 0, "<null>", callerId));
            return;
        }
        var a = NewChannel(ep.Device, ep.Exten, ep.CallerIdName, context, exten ?? "s", 0);
        foreach (var (k, v) in variables) SetVariable(a, k, v);
        if (ep.Behaviour is EndpointBehaviour.Reject || !ep.Registered)
        {
            HangupChannel(a, 17, "User busy");
            Emit(OriginateResponse(actionId, "Failure", channel, context, exten, application, 1, "<null>", callerId));
            return;
        }
        SetState(a, 5);
        void Answered()
        {
            if (!_channels.ContainsKey(a.Name)) return;
            a.Answered = Now;
            SetState(a, 6);
            Emit(OriginateResponse(actionId, "Success", channel, context, exten, application, 4, a.Uniqueid, callerId));
            if (exten is not null) Route(a, exten);
        }
        // A desk phone asked by the CTI answers by itself (auto-answer); a Manual phone waits for Answer() or a NOTIFY talk.
        _originateContinuations[a.Name] = Answered;
        if (ep.Behaviour == EndpointBehaviour.AutoAnswer)
            Schedule(ep.AnswerDelay, () => { if (_originateContinuations.Remove(a.Name, out var go)) go(); });
    }

    private readonly Dictionary<string, Action> _originateContinuations = new();

    private static AmiText OriginateResponse(string? actionId, string response, string channel, string context, string? exten, string? application, int reason, string uniqueid, string? callerId)
    {
        var t = AmiText.Event("OriginateResponse", "call,all");
        if (actionId is not null) t.Add("ActionID", actionId);
        t.Add("Response", response).Add("Channel", channel).Add("Context", context).Add("Exten", exten ?? "");
        if (application is not null) t.Add("Application", application).Add("Data", "");
        return t.Add("Reason", reason).Add("Uniqueid", uniqueid).Add("CallerIDNum", callerId ?? "<unknown>").Add("CallerIDName", "<unknown>");
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

    internal void Redirect(SimChannel c, string exten, string context)
    {
        if (c.Bridge is not null) LeaveBridge(c);
        c.Context = context;
        c.Exten = exten;
        Route(c, exten);
    }

    internal void PlayDtmf(SimChannel c, string digit)
    {
        Emit(ChannelBlock(AmiText.Event("DTMFBegin", "dtmf,all"), c).Add("Digit", digit).Add("Direction", "Received"));
        Emit(ChannelBlock(AmiText.Event("DTMFEnd", "dtmf,all"), c).Add("Digit", digit).Add("DurationMs", 100).Add("Direction", "Received"));
    }

    internal void SetChannelVariable(SimChannel c, string name, string value) => SetVariable(c, name, value);

    internal void DbPut(string family, string key, string value) => _astDb[family + "/" + key] = value;
    internal string? DbGet(string family, string key) => _astDb.GetValueOrDefault(family + "/" + key);

    internal void MixMonitorMute(SimChannel c, string direction, bool mute)
        => Emit(ChannelBlock(AmiText.Event("MixMonitorMute", "call,all"), c).Add("Direction", direction).Add("State", mute ? "1" : "0"));

    /// <summary>PJSIPNotify Event=talk answers a ringing phone remotely; Event=hold toggles hold (desk-phone control).</summary>
    internal string? Notify(Endpoint ep, IReadOnlyDictionary<string, string> headers)
    {
        if (!headers.TryGetValue("Event", out var ev)) return null;
        if (ev.Equals("talk", StringComparison.OrdinalIgnoreCase))
        {
            var ringing = _channels.Values.FirstOrDefault(c => c.Device == ep.Device && c.State == 5);
            if (ringing is not null)
            {
                if (_originateContinuations.Remove(ringing.Name, out var cont)) cont();
                else AnswerChannel(ringing);
            }
        }
        else if (ev.Equals("hold", StringComparison.OrdinalIgnoreCase))
        {
            var call = _channels.Values.FirstOrDefault(c => c.Device == ep.Device && c.State == 6);
            if (call is not null)
            {
                call.OnHold = !call.OnHold;
                Emit(call.OnHold ? ChannelBlock(AmiText.Event("Hold", "call,all"), call).Add("MusicClass", "default") : ChannelBlock(AmiText.Event("Unhold", "call,all"), call));
                UpdateDeviceState(ep.Device);
            }
        }
        return null;
    }

    internal Endpoint? EndpointByName(string name) => _endpoints.GetValueOrDefault(name) ?? EndpointOfDevice(name);

    internal SimChannel? ChannelByName(string name) => FindChannel(name);
}
