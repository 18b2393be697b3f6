using System.Text.RegularExpressions;

namespace Xuc.Tests.PbxSim;

/// <summary>
/// A hand-written expected event sequence (tests/Xuc.Tests/Fixtures/PbxSim/*.ami). Each block is one event, header
/// by header in Asterisk's documented order. A value <c>*</c> matches anything; <c>{name}</c> binds on first use and
/// must be equal afterwards; <c>@channel</c> / <c>@dest</c> lines expand to the 14-header channel block of the
/// Asterisk 13+ event documentation (Channel … Linkedid), with <c>key=value</c> arguments:
/// <c>@channel name state cid cidname connum conname context exten uid linked</c>.
/// <c># ignore: A B</c> drops those event names from the actual stream before comparing.
/// </summary>
public sealed partial class GoldenFixture
{
    private static readonly string[] ChannelHeaders =
        ["Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName",
         "Language", "AccountCode", "Context", "Exten", "Priority", "Uniqueid", "Linkedid"];

    private static readonly Dictionary<string, string> StateDesc = new()
    {
        ["0"] = "Down", ["4"] = "Ring", ["5"] = "Ringing", ["6"] = "Up",
    };

    public List<List<KeyValuePair<string, string>>> Events { get; } = [];
    public HashSet<string> Ignored { get; } = [];

    public static GoldenFixture Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "PbxSim", name);
        var fixture = new GoldenFixture();
        List<KeyValuePair<string, string>>? current = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("# ignore:")) { foreach (var n in line[9..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) fixture.Ignored.Add(n); continue; }
            if (line.StartsWith('#')) continue;
            if (line.Length == 0) { if (current is { Count: > 0 }) fixture.Events.Add(current); current = null; continue; }
            current ??= [];
            if (line.StartsWith("@bridge "))
            {
                // @bridge Prefix uid={x} type=basic tech=simple_bridge n=2
                var parts = line.Split(' ', 3);
                var a = Args().Matches(parts.Length > 2 ? parts[2] : "").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));
                var p = parts[1] == "-" ? "" : parts[1];
                current.Add(new(p + "BridgeUniqueid", a.GetValueOrDefault("uid", "*")));
                current.Add(new(p + "BridgeType", a.GetValueOrDefault("type", "basic")));
                current.Add(new(p + "BridgeTechnology", a.GetValueOrDefault("tech", "simple_bridge")));
                current.Add(new(p + "BridgeCreator", "<unknown>"));
                current.Add(new(p + "BridgeName", "<unknown>"));
                current.Add(new(p + "BridgeNumChannels", a.GetValueOrDefault("n", "*")));
                current.Add(new(p + "BridgeVideoSourceMode", "none"));
                continue;
            }
            if (line.StartsWith("@channel ") || line.StartsWith("@dest ") || line.StartsWith("@chan "))
            {
                // @channel …, @dest … (prefix Dest), @chan Prefix … (any prefix)
                var prefix = line.StartsWith("@dest ") ? "Dest" : "";
                var rest = line[(line.IndexOf(' ') + 1)..];
                if (line.StartsWith("@chan "))
                {
                    prefix = rest[..rest.IndexOf(' ')];
                    rest = rest[(rest.IndexOf(' ') + 1)..];
                }
                var args = Args().Matches(rest).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));
                string A(string k, string d) => args.GetValueOrDefault(k, d);
                var state = A("state", "*");
                string[] values = [A("name", "*"), state, StateDesc.GetValueOrDefault(state, "*"), A("cid", "*"), A("cidname", "*"),
                    A("connum", "*"), A("conname", "*"), "en", "", A("context", "*"), A("exten", "*"), A("priority", "*"), A("uid", "*"), A("linked", "*")];
                for (var i = 0; i < ChannelHeaders.Length; i++) current.Add(new(prefix + ChannelHeaders[i], values[i]));
                continue;
            }
            var colon = line.IndexOf(':');
            current.Add(new(line[..colon], line[(colon + 1)..].TrimStart()));
        }
        if (current is { Count: > 0 }) fixture.Events.Add(current);
        return fixture;
    }

    [GeneratedRegex("""(\w+)=("[^"]*"|\S*)""")]
    private static partial Regex Args();

    /// <summary>Compares header by header; returns the first difference, or null.</summary>
    public string? Compare(IReadOnlyList<List<KeyValuePair<string, string>>> actual)
    {
        var stream = actual.Where(e => !Ignored.Contains(e.Get("Event") ?? "")).ToList();
        var bound = new Dictionary<string, string>();
        for (var i = 0; i < Math.Max(stream.Count, Events.Count); i++)
        {
            if (i >= stream.Count) return $"event {i + 1}: expected {Events[i].Get("Event")}, the stream ended";
            if (i >= Events.Count) return $"event {i + 1}: unexpected {stream[i].Get("Event")}";
            var (exp, act) = (Events[i], stream[i]);
            var label = $"event {i + 1} ({exp.Get("Event")})";
            if (exp.Count != act.Count)
                return $"{label}: {exp.Count} headers expected, {act.Count} found: {string.Join(", ", act.Select(h => h.Key))}";
            for (var h = 0; h < exp.Count; h++)
            {
                var (en, ev) = (exp[h].Key, exp[h].Value);
                var (an, av) = (act[h].Key, act[h].Value);
                if (en != an) return $"{label}, header {h + 1}: expected '{en}', found '{an}'";
                if (ev == "*") continue;
                if (ev.Length > 2 && ev[0] == '{' && ev[^1] == '}')
                {
                    var key = ev[1..^1];
                    if (bound.TryGetValue(key, out var was) && was != av) return $"{label}, {en}: expected {{{key}}} = '{was}', found '{av}'";
                    bound[key] = av;
                    continue;
                }
                // A value may embed a binding: PJSIP/1001-{c1}, Local/1001@agents-{c2};1
                var brace = ev.IndexOf('{');
                var close = ev.IndexOf('}');
                if (brace > 0 && close > brace)
                {
                    var (head, tail) = (ev[..brace], ev[(close + 1)..]);
                    if (!av.StartsWith(head) || !av.EndsWith(tail) || av.Length < head.Length + tail.Length) return $"{label}, {en}: expected '{ev}', found '{av}'";
                    var key = ev[(brace + 1)..close];
                    var rest = av[brace..^tail.Length];
                    if (bound.TryGetValue(key, out var was) && was != rest) return $"{label}, {en}: expected {{{key}}} = '{was}', found '{rest}'";
                    bound[key] = rest;
                    continue;
                }
                if (ev != av) return $"{label}, {en}: expected '{ev}', found '{av}'";
            }
        }
        return null;
    }
}
