using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

/// <summary>
/// The listing actions a real Asterisk 22 answers and a client sends at resync: DeviceStateList
/// (res_manager_devicestate.c), PJSIPShowEndpoints (res_pjsip/pjsip_manager.c), Status (manager.c action_status),
/// CoreStatus. Item layouts as recorded on Asterisk 22.10.1 (tests/Xuc.Tests/Fixtures/Asterisk22/actions.ami).
/// </summary>
public sealed partial class PbxModel
{
    /// <summary>Channels created since start (CoreStatus's CoreProcessedCalls).</summary>
    internal int ChannelsCreated => _channelSeq;

    /// <summary>Every device state the PBX has cached, one DeviceStateChange each, without Privilege (as res_manager_devicestate lists them).</summary>
    internal IEnumerable<string> DeviceStateListEvents(string? actionId)
    {
        foreach (var (device, state) in _deviceStates.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var t = new AmiText().Add("Event", "DeviceStateChange");
            if (actionId is not null) t.Add("ActionID", actionId);
            yield return t.Add("Device", device).Add("State", state).ToString();
        }
    }

    /// <summary>One EndpointList per phone: its AOR, its contact, its device state in ast_devstate_str's words, its channels.</summary>
    internal IEnumerable<string> EndpointListEvents(string? actionId)
    {
        foreach (var ep in _endpoints.Values.OrderBy(e => e.Exten, StringComparer.Ordinal))
        {
            var t = new AmiText().Add("Event", "EndpointList");
            if (actionId is not null) t.Add("ActionID", actionId);
            var state = ep.Registered ? DeviceStateText(DeviceState(ep.Device).State) : "Unavailable";
            var channels = _channels.Values.Count(c => c.Device.Equals(ep.Device, StringComparison.OrdinalIgnoreCase));
            yield return t.Add("ObjectType", "endpoint").Add("ObjectName", ep.Exten).Add("Transport", "").Add("Aor", ep.Exten)
                .Add("Auths", "").Add("OutboundAuths", "").Add("Contacts", ep.Registered ? $"{ep.Exten}/sip:{ep.Exten}@127.0.0.1:5060," : "")
                .Add("DeviceState", state).Add("ActiveChannels", channels).ToString();
        }
    }

    /// <summary>
    /// manager.c action_status: one Status per channel (the channel block, then its technology, bridge, application and
    /// age). Not in the recording (no channel was up when it was taken), so the item layout is read from the source.
    /// </summary>
    internal IEnumerable<string> StatusEvents(string? actionId)
    {
        foreach (var c in _channels.Values.OrderBy(c => c.Created))
        {
            var t = ChannelBlock(AmiText.Event("Status", "Call"), c);
            t.Add("Type", c.Name[..c.Name.IndexOf('/')]).Add("DNID", "").Add("EffectiveConnectedLineNum", c.ConnectedNum.Length > 0 ? c.ConnectedNum : "<unknown>")
                .Add("EffectiveConnectedLineName", c.ConnectedName.Length > 0 ? c.ConnectedName : "<unknown>").Add("TimeToHangup", 0)
                .Add("BridgeID", c.Bridge?.Uniqueid ?? "").Add("Application", c.Application).Add("Data", c.ApplicationData)
                .Add("Nativeformats", "(ulaw)").Add("Readformat", "ulaw").Add("Readtrans", "").Add("Writeformat", "ulaw").Add("Writetrans", "")
                .Add("Callgroup", 0).Add("Pickupgroup", 0).Add("Seconds", (int)(Now - c.Created).TotalSeconds);
            if (actionId is not null) t.Add("ActionID", actionId);
            yield return t.ToString();
        }
    }

    /// <summary>main/devicestate.c ast_devstate_str.</summary>
    private static string DeviceStateText(string state) => state switch
    {
        "NOT_INUSE" => "Not in use",
        "INUSE" => "In use",
        "BUSY" => "Busy",
        "UNAVAILABLE" => "Unavailable",
        "RINGING" => "Ringing",
        "RINGINUSE" => "Ring+Inuse",
        "ONHOLD" => "On Hold",
        _ => "Unknown",
    };
}
