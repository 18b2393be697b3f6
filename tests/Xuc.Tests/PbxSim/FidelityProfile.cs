namespace Xuc.Tests.PbxSim;

/// <summary>
/// The structure of one scenario's AMI stream, as the fidelity test compares it between the real Asterisk 22 and PbxSim:
/// the event types, the header-name lists of each type (ActionID and SystemName left out: they depend on the client and
/// the PBX's name), each channel's sequence of event types with the channel named by its role, and each action's response
/// text (Response, Message, and for a list the names of its items).
/// </summary>
public sealed class FidelityProfile
{
    /// <summary>Events that tell nothing about a channel's life (floods, device states, dialplan steps): left out of the per-channel sequences.</summary>
    private static readonly HashSet<string> NotInSequences =
        ["VarSet", "Newexten", "TestEvent", "DeviceStateChange", "QueueMemberStatus", "ExtensionStatus", "Cdr", "NewCallerid", "NewConnectedLine"];

    public HashSet<string> EventTypes { get; } = [];
    public Dictionary<string, HashSet<string>> HeaderLists { get; } = [];
    public Dictionary<string, List<string>> Sequences { get; } = [];
    public Dictionary<string, string> Responses { get; } = [];

    /// <param name="messages">Events and responses in the order the PBX sent them.</param>
    /// <param name="actions">ActionID → the action's name (with a label when one scenario sends the same action twice).</param>
    public static FidelityProfile Of(IEnumerable<List<KeyValuePair<string, string>>> messages, IReadOnlyDictionary<string, string> actions)
    {
        var p = new FidelityProfile();
        var roles = new Dictionary<string, string>();
        var lists = new Dictionary<string, List<string>>();
        foreach (var m in messages)
        {
            var ev = m.Get("Event");
            var id = m.Get("ActionID");
            if (ev is null)
            {
                if (id is null || !actions.TryGetValue(id, out var action)) continue;
                var text = $"Response: {m.Get("Response")} | Message: {m.Get("Message")}";
                p.Responses[action] = text;
                if (m.Get("EventList") == "start") lists[id] = [];
                continue;
            }
            if (id is not null && lists.TryGetValue(id, out var items))
            {
                items.Add(ev);
                if (m.Get("EventList") == "Complete" || ev.EndsWith("Complete"))
                {
                    p.Responses[actions[id]] += " | items: " + string.Join(",", items.Distinct());
                    lists.Remove(id);
                }
            }
            p.EventTypes.Add(ev);
            var names = string.Join(",", m.Select(h => h.Key).Where(k => k is not "ActionID" and not "SystemName"));
            if (!p.HeaderLists.TryGetValue(ev, out var set)) p.HeaderLists[ev] = set = [];
            set.Add(names);
            if (NotInSequences.Contains(ev)) continue;
            foreach (var channel in new[] { m.Get("Channel"), m.Get("DestChannel") })
            {
                if (channel is null) continue;
                var role = RoleOf(channel, roles);
                if (!p.Sequences.TryGetValue(role, out var seq)) p.Sequences[role] = seq = [];
                seq.Add(channel == m.Get("DestChannel") && channel != m.Get("Channel") ? "~" + ev : ev);
            }
        }
        return p;
    }

    /// <summary>A channel named by what it is in the scenario: <c>PJSIP/1002#2</c> the second channel of phone 1002, <c>Local/1001@agents;2#1</c>.</summary>
    private static string RoleOf(string channel, Dictionary<string, string> roles)
    {
        if (roles.TryGetValue(channel, out var known)) return known;
        var dash = channel.LastIndexOf('-');
        var semi = channel.LastIndexOf(';');
        var stem = dash > 0 ? channel[..dash] + (semi > dash ? channel[semi..] : "") : channel;
        var n = roles.Values.Count(r => r.StartsWith(stem + "#", StringComparison.Ordinal)) + 1;
        return roles[channel] = $"{stem}#{n}";
    }
}
