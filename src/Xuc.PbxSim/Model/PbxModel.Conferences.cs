using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

public sealed partial class PbxModel
{
    /// <summary>A phone calls into a ConfBridge room (ConfbridgeStart for the first one, then ConfbridgeJoin).</summary>
    public string JoinConference(string exten, string room, bool admin = false)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(exten);
            var c = NewChannel(ep.Device, ep.Exten, ep.CallerIdName, ep.Context, room, 6);
            c.Answered = Now;
            c.Application = "ConfBridge";
            c.ApplicationData = room;
            UpdateDeviceState(ep.Device);
            if (!_conferences.TryGetValue(room, out var members))
            {
                members = [];
                _conferences[room] = members;
                Emit(AmiText.Event("ConfbridgeStart", "call,all").Add("Conference", room));
            }
            members.Add(c);
            c.Conference = room;
            Emit(ChannelBlock(AmiText.Event("ConfbridgeJoin", "call,all").Add("Conference", room), c).Add("Admin", admin ? "Yes" : "No").Add("Muted", "No"));
            return c.Name;
        }
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
        Emit(ChannelBlock(AmiText.Event("ConfbridgeLeave", "call,all").Add("Conference", room), c).Add("Admin", "No"));
        if (members.Count == 0)
        {
            _conferences.Remove(room);
            Emit(AmiText.Event("ConfbridgeEnd", "call,all").Add("Conference", room));
        }
    }

    /// <summary>ConfbridgeMute/Unmute; returns app_confbridge's error text, or null.</summary>
    internal string? MuteInConference(string room, string channel, bool mute)
    {
        if (!_conferences.TryGetValue(room, out var members)) return "No Conference by that name found.";
        var targets = channel.Equals("all", StringComparison.OrdinalIgnoreCase) ? members : members.Where(m => m.Name.Equals(channel, StringComparison.OrdinalIgnoreCase)).ToList();
        if (targets.Count == 0) return "No Channel by that name found in Conference.";
        foreach (var c in targets)
        {
            c.ConferenceMuted = mute;
            Emit(ChannelBlock(AmiText.Event(mute ? "ConfbridgeMute" : "ConfbridgeUnmute", "call,all").Add("Conference", room), c).Add("Admin", "No"));
        }
        return null;
    }

    internal string? KickFromConference(string room, string channel)
    {
        if (!_conferences.TryGetValue(room, out var members)) return "No Conference by that name found.";
        var c = members.FirstOrDefault(m => m.Name.Equals(channel, StringComparison.OrdinalIgnoreCase));
        if (c is null) return "No Channel by that name found in Conference.";
        HangupChannel(c, 16, "Normal Clearing");
        return null;
    }

    internal IReadOnlyList<SimChannel>? ConferenceMembers(string room) => _conferences.GetValueOrDefault(room);
    internal IReadOnlyDictionary<string, List<SimChannel>> Conferences => _conferences;
}
