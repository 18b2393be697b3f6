using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

/// <summary>
/// The simulated PBX: endpoints, channels, bridges, app_queue queues, hints, mailboxes, ConfBridge rooms and AstDB.
/// Every change happens under one lock and emits its AMI events in Asterisk's order to every subscribed session,
/// so all sessions see one global order, as with Asterisk's manager event queue.
/// </summary>
public sealed partial class PbxModel
{
    private readonly object _gate = new();
    private readonly List<IAmiEventSink> _sinks = [];
    private readonly Dictionary<string, Endpoint> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimChannel> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimQueue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _deviceStates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<SimChannel>> _conferences = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _astDb = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private int _channelSeq;
    private int _uniqueSeq;

    public PbxModel(string tech = "PJSIP", TimeProvider? clock = null)
    {
        Tech = tech;
        _clock = clock ?? TimeProvider.System;
        Started = _clock.GetUtcNow();
    }

    /// <summary>Channel technology of the phones: PJSIP (default) or SIP (chan_sip naming).</summary>
    public string Tech { get; }
    public DateTimeOffset Started { get; }
    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>
    /// How much traffic a call makes: <see cref="SimEventLevel.Realistic"/> (default) adds what a real Asterisk 18
    /// also sends (Newexten per dialplan step, VarSet floods, music on hold); <see cref="SimEventLevel.Minimal"/> keeps
    /// the events a CTI server derives state from.
    /// </summary>
    public SimEventLevel EventLevel { get; set; } = SimEventLevel.Realistic;

    private bool Realistic => EventLevel == SimEventLevel.Realistic;

    /// <summary>asterisk.conf <c>systemname</c>: prefixes every Uniqueid and adds <c>SystemName:</c> to every event (empty: none).</summary>
    public string SystemName { get; set; } = "";

    /// <summary>How many channels are up now (for the control surface and load runs).</summary>
    public int ChannelCount { get { lock (_gate) return _channels.Count; } }

    /// <summary>The live channels (read under <see cref="Locked{T}"/>).</summary>
    internal IEnumerable<SimChannel> Channels => _channels.Values;

    public void Subscribe(IAmiEventSink sink) { lock (_gate) _sinks.Add(sink); }
    public void Unsubscribe(IAmiEventSink sink) { lock (_gate) _sinks.Remove(sink); }

    private void Emit(AmiText message)
    {
        var text = message.ToString();
        if (SystemName.Length > 0) text = WithSystemName(text);
        foreach (var sink in _sinks) sink.SendEvent(text);
    }

    /// <summary>manager.c's __manager_event_sessions_va writes <c>SystemName</c> after Privilege, before the event's own headers.</summary>
    private string WithSystemName(string text)
    {
        var privilege = text.IndexOf("\r\nPrivilege: ", StringComparison.Ordinal);
        if (privilege < 0) return text;
        var end = text.IndexOf("\r\n", privilege + 2, StringComparison.Ordinal) + 2;
        return text.Insert(end, $"SystemName: {SystemName}\r\n");
    }

    /// <summary>channel_internal_api.c: <c>%li.%d</c> (creation time, global sequence), or <c>%s-%li.%d</c> with a system name.</summary>
    private string NextUniqueid()
    {
        var id = $"{Now.ToUnixTimeSeconds()}.{++_uniqueSeq}";
        return SystemName.Length > 0 ? $"{SystemName}-{id}" : id;
    }

    private SimChannel NewChannel(string device, string callerNum, string callerName, string context, string exten, int state, string? linkedid = null, string? name = null)
    {
        var uid = NextUniqueid();
        var ch = new SimChannel
        {
            Name = name ?? $"{device}-{++_channelSeq:x8}",
            Uniqueid = uid,
            Linkedid = linkedid ?? uid,
            Device = device,
            State = state,
            CallerIdNum = callerNum,
            CallerIdName = callerName,
            Context = context,
            Exten = exten,
            Created = Now,
        };
        _channels[ch.Name] = ch;
        Emit(ChannelBlock(AmiText.Event("Newchannel", "call,all"), ch));
        if (AnySpyWaiting) LookForSpyees();
        return ch;
    }

    /// <summary>The channel header block of Asterisk 13+ channel events (with an optional <c>Dest</c> prefix).</summary>
    internal static AmiText ChannelBlock(AmiText t, SimChannel c, string prefix = "")
        => t.Add(prefix + "Channel", c.Name)
            .Add(prefix + "ChannelState", c.State)
            .Add(prefix + "ChannelStateDesc", SimChannel.StateDesc(c.State))
            .Add(prefix + "CallerIDNum", Unknown(c.CallerIdNum))
            .Add(prefix + "CallerIDName", Unknown(c.CallerIdName))
            .Add(prefix + "ConnectedLineNum", Unknown(c.ConnectedNum))
            .Add(prefix + "ConnectedLineName", Unknown(c.ConnectedName))
            .Add(prefix + "Language", "en")
            .Add(prefix + "AccountCode", "")
            .Add(prefix + "Context", c.Context)
            .Add(prefix + "Exten", c.Exten)
            .Add(prefix + "Priority", c.Priority)
            .Add(prefix + "Uniqueid", c.Uniqueid)
            .Add(prefix + "Linkedid", c.Linkedid);

    private static string Unknown(string s) => string.IsNullOrEmpty(s) ? "<unknown>" : s;

    private static AmiText BridgeBlock(AmiText t, SimBridge b, string prefix = "")
        => t.Add(prefix + "BridgeUniqueid", b.Uniqueid)
            .Add(prefix + "BridgeType", "basic")
            .Add(prefix + "BridgeTechnology", "simple_bridge")
            .Add(prefix + "BridgeCreator", "<unknown>")
            .Add(prefix + "BridgeName", "<unknown>")
            .Add(prefix + "BridgeNumChannels", b.Channels.Count)
            .Add(prefix + "BridgeVideoSourceMode", "none");

    private void SetState(SimChannel c, int state)
    {
        if (c.State == state) return;
        c.State = state;
        Emit(ChannelBlock(AmiText.Event("Newstate", "call,all"), c));
        UpdateDeviceState(c.Device);
    }

    private void SetVariable(SimChannel c, string name, string value)
    {
        c.Variables[name] = value;
        Emit(ChannelBlock(AmiText.Event("VarSet", "dialplan,all"), c).Add("Variable", name).Add("Value", value));
    }

    private SimBridge Bridge(params SimChannel[] channels)
    {
        var bridge = new SimBridge(Guid.NewGuid().ToString());
        Emit(BridgeBlock(AmiText.Event("BridgeCreate", "call,all"), bridge));
        foreach (var c in channels) EnterBridge(bridge, c);
        return bridge;
    }

    private void EnterBridge(SimBridge bridge, SimChannel c)
    {
        bridge.Channels.Add(c);
        c.Bridge = bridge;
        Emit(ChannelBlock(BridgeBlock(AmiText.Event("BridgeEnter", "call,all"), bridge), c));
        BridgePeerVariables(bridge);
        if (AnySpyWaiting) LookForSpyees();
    }

    private void LeaveBridge(SimChannel c)
    {
        var bridge = c.Bridge;
        if (bridge is null) return;
        bridge.Channels.Remove(c);
        c.Bridge = null;
        Emit(ChannelBlock(BridgeBlock(AmiText.Event("BridgeLeave", "call,all"), bridge), c));
        if (bridge.Channels.Count == 0) Emit(BridgeBlock(AmiText.Event("BridgeDestroy", "call,all"), bridge));
    }

    /// <summary>Device state of a phone from its channels, as Asterisk's device state core derives it.</summary>
    private (string State, int ExtStatus, string ExtText, int MemberStatus) DeviceState(string device)
    {
        var ep = _endpoints.Values.FirstOrDefault(e => e.Device.Equals(device, StringComparison.OrdinalIgnoreCase));
        if (ep is { Registered: false }) return ("UNAVAILABLE", 4, "Unavailable", 5);
        var chans = _channels.Values.Where(c => c.Device.Equals(device, StringComparison.OrdinalIgnoreCase)).ToList();
        // core_local.c local_devicestate: a Local device is in use while any of its channels exists, never ringing.
        if (IsLocal(device)) return chans.Count > 0 ? ("INUSE", 1, "InUse", 2) : ("NOT_INUSE", 0, "Idle", 1);
        // main/channel.c state_conversions (ast_state_chan2dev): Ringing and Pre-ring ring; Down is idle; every other state,
        // a phone's own call in Ring (4) included, is in use; chan_pjsip_devicestate counts a held channel as on hold.
        var ringing = chans.Any(c => c.State is 5 or 9 && !c.OnHold);
        var up = chans.Any(c => c.State is not (0 or 5 or 9) && !c.OnHold);
        var held = chans.Any(c => c.OnHold);
        if (ringing && (up || held)) return ("RINGINUSE", 9, "InUse&Ringing", 7);
        if (ringing) return ("RINGING", 8, "Ringing", 6);
        if (up) return ("INUSE", 1, "InUse", 2);
        if (held) return ("ONHOLD", 16, "Hold", 8);
        return ("NOT_INUSE", 0, "Idle", 1);
    }

    private void UpdateDeviceState(string device)
    {
        var (state, ext, text, memberStatus) = DeviceState(device);
        if (_deviceStates.TryGetValue(device, out var before) && before == state) return;
        _deviceStates[device] = state;
        Emit(AmiText.Event("DeviceStateChange", "call,all").Add("Device", device).Add("State", state));
        var ep = _endpoints.Values.FirstOrDefault(e => e.Device.Equals(device, StringComparison.OrdinalIgnoreCase));
        if (ep is not null)
            Emit(AmiText.Event("ExtensionStatus", "call,all").Add("Exten", ep.Exten).Add("Context", ep.Context)
                .Add("Hint", ep.Device).Add("Status", ext).Add("StatusText", text));
        foreach (var q in _queues.Values)
        {
            var members = q.Members.Where(m => DeviceOfInterface(m.StateInterface).Equals(device, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var m in members) Emit(MemberBlock(AmiText.Event("QueueMemberStatus", "agent,all"), q, m, memberStatus));
            if (members.Count > 0) QueueAvailState(q);
        }
        if (memberStatus == 1) DistributeWaitingCalls();
    }

    private int MemberStatus(QueueMember m) => DeviceState(DeviceOfInterface(m.StateInterface)).MemberStatus;

    private long Epoch(DateTimeOffset t) => t.ToUnixTimeSeconds();
}
