using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

public sealed partial class PbxModel
{
    private readonly Dictionary<string, string> _conferenceBridges = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _conferenceNumbers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A dialplan extension that enters a ConfBridge room of the same name (exten => 4000,1,ConfBridge(4000)).</summary>
    public void AddConferenceNumber(string number)
    {
        lock (_gate) _conferenceNumbers.Add(number);
    }

    private bool IsConferenceNumber(string exten) => _conferenceNumbers.Contains(exten);

    /// <summary>ConfBridge answers a channel that is not up yet, then it joins the room.</summary>
    private void AnswerInConference(SimChannel c, string room)
    {
        if (c.State != 6) { c.Answered = Now; SetState(c, 6); }
        EnterConference(c, room);
    }

    /// <summary>Conference, then the softmix bridge block app_confbridge's events carry (Asterisk 12+).</summary>
    private AmiText ConferenceEvent(string name, string room)
        => AmiText.Event(name, "call,all").Add("Conference", room)
            .Add("BridgeUniqueid", _conferenceBridges.GetValueOrDefault(room, "")).Add("BridgeType", "base")
            .Add("BridgeTechnology", "softmix").Add("BridgeCreator", "ConfBridge").Add("BridgeName", room)
            .Add("BridgeNumChannels", _conferences.GetValueOrDefault(room)?.Count ?? 0).Add("BridgeVideoSourceMode", "none");

    /// <summary>A phone calls into a ConfBridge room (ConfbridgeStart for the first one, then ConfbridgeJoin).</summary>
    public string JoinConference(string exten, string room, bool admin = false)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(exten);
            var c = NewChannel(ep.Device, ep.Exten, ep.CallerIdName, ep.Context, room, 6);
            c.Answered = Now;
            UpdateDeviceState(ep.Device);
            EnterConference(c, room, admin);
            return c.Name;
        }
    }

    /// <summary>A channel runs ConfBridge(room): ConfbridgeStart for the first one, then ConfbridgeJoin.</summary>
    private void EnterConference(SimChannel c, string room, bool admin = false)
    {
        c.Application = "ConfBridge";
        c.ApplicationData = room;
        if (!_conferences.TryGetValue(room, out var members))
        {
            members = [];
            _conferences[room] = members;
            _conferenceBridges[room] = Guid.NewGuid().ToString();
            Emit(ConferenceEvent("ConfbridgeStart", room));
        }
        members.Add(c);
        c.Conference = room;
        c.ConferenceAdmin = admin;
        c.ConferenceMuted = false;
        Emit(ChannelBlock(ConferenceEvent("ConfbridgeJoin", room), c).Add("Admin", YesNo(admin)).Add("Muted", "No"));
    }

    public void LeaveConference(string channel)
    {
        lock (_gate)
        {
            var c = FindChannel(channel) ?? throw new SimulationException($"no channel {channel}");
            HangupChannel(c, 16, "Normal Clearing");
        }
    }

    private void LeaveConferenceInternal(SimChannel c)
    {
        var room = c.Conference!;
        c.Conference = null;
        if (!_conferences.TryGetValue(room, out var members)) return;
        members.Remove(c);
        Emit(ChannelBlock(ConferenceEvent("ConfbridgeLeave", room), c).Add("Admin", YesNo(c.ConferenceAdmin)));
        if (members.Count == 0)
        {
            Emit(ConferenceEvent("ConfbridgeEnd", room));
            _conferences.Remove(room);
            _conferenceBridges.Remove(room);
        }
    }

    private static string YesNo(bool value) => value ? "Yes" : "No";

    /// <summary>
    /// The members a ConfbridgeMute/Unmute/Kick names, as app_confbridge picks them: "all", "participants" (everyone
    /// but the admins), or one channel (mute: the first whose name starts with it; kick: the exact name).
    /// </summary>
    private static List<SimChannel> Targets(List<SimChannel> members, string channel, bool prefix)
    {
        if (channel.Equals("all", StringComparison.OrdinalIgnoreCase)) return [.. members];
        if (channel.Equals("participants", StringComparison.OrdinalIgnoreCase)) return members.Where(m => !m.ConferenceAdmin).ToList();
        var one = members.FirstOrDefault(m => prefix ? m.Name.StartsWith(channel, StringComparison.OrdinalIgnoreCase) : m.Name.Equals(channel, StringComparison.OrdinalIgnoreCase));
        return one is null ? [] : [one];
    }

    /// <summary>ConfbridgeMute/Unmute; returns app_confbridge's error text, or null. The event goes out even for one already (un)muted.</summary>
    internal string? MuteInConference(string room, string channel, bool mute)
    {
        if (_conferences.Count == 0) return "No active conferences.";
        if (!_conferences.TryGetValue(room, out var members)) return "No Conference by that name found.";
        var targets = Targets(members, channel, prefix: true);
        if (targets.Count == 0) return "No Channel by that name found in Conference.";
        foreach (var c in targets)
        {
            c.ConferenceMuted = mute;
            Emit(ChannelBlock(ConferenceEvent(mute ? "ConfbridgeMute" : "ConfbridgeUnmute", room), c).Add("Admin", YesNo(c.ConferenceAdmin)));
        }
        return null;
    }

    /// <summary>ConfbridgeKick: the kicked channels leave the bridge (ConfbridgeLeave) and, with nothing after ConfBridge in the dialplan, hang up.</summary>
    internal string? KickFromConference(string room, string channel)
    {
        if (_conferences.Count == 0) return "No active conferences.";
        if (!_conferences.TryGetValue(room, out var members)) return "No Conference by that name found.";
        var targets = Targets(members, channel, prefix: false);
        if (targets.Count == 0) return "No Channel by that name found in Conference.";
        foreach (var c in targets) HangupChannel(c, 16, "Normal Clearing");
        return null;
    }

    internal IReadOnlyList<SimChannel>? ConferenceMembers(string room) => _conferences.GetValueOrDefault(room);
    internal IReadOnlyDictionary<string, List<SimChannel>> Conferences => _conferences;
}
