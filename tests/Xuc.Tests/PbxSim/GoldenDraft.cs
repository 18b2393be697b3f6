using System.Text;

namespace Xuc.Tests.PbxSim;

/// <summary>
/// Drafts a fixture from a recorded stream (set <c>XUC_GOLDEN_DRAFT=dir</c>): channel blocks become <c>@chan</c> lines,
/// ids become bindings, clock-dependent values <c>*</c>. A draft is only a start: each fixture is then read against
/// the Asterisk function it cites before it is committed.
/// </summary>
public static class GoldenDraft
{
    private static readonly string[] Prefixes = ["", "Dest", "LocalOne", "LocalTwo", "Source", "Transferer", "Transferee",
        "OrigTransferer", "SecondTransferer", "TransferTarget"];
    private static readonly HashSet<string> Clock = ["RingTime", "HoldTime", "TalkTime", "Wait", "LastCall", "LastPause", "LoginTime", "Timestamp", "Id"];

    public static void Write(string name, IReadOnlyList<List<KeyValuePair<string, string>>> events)
    {
        var dir = Environment.GetEnvironmentVariable("XUC_GOLDEN_DRAFT");
        if (string.IsNullOrEmpty(dir)) return;
        var ids = new Dictionary<string, string>();
        string Bind(string value, string kind) => ids.TryGetValue(value, out var b) ? b : ids[value] = $"{{{kind}{ids.Count(kv => kv.Value.StartsWith("{" + kind)) + 1}}}";
        string Name(string channel)
        {
            var dash = channel.LastIndexOf('-');
            if (dash < 0) return channel;
            var tail = channel[(dash + 1)..];
            var semi = tail.IndexOf(';');
            var seq = semi >= 0 ? tail[..semi] : tail;
            return channel[..(dash + 1)] + Bind(seq, "c") + (semi >= 0 ? tail[semi..] : "");
        }
        var sb = new StringBuilder();
        foreach (var e in events)
        {
            var map = e.ToDictionary(h => h.Key, h => h.Value);
            var done = new HashSet<string>();
            foreach (var (k, v) in e)
            {
                if (done.Contains(k)) continue;
                var prefix = Prefixes.FirstOrDefault(p => k == p + "Channel" && map.ContainsKey(p + "Linkedid"));
                if (prefix is not null)
                {
                    string H(string h) => map[prefix + h];
                    sb.Append(prefix.Length == 0 ? "@channel" : prefix == "Dest" ? "@dest" : "@chan " + prefix)
                        .Append($" name={Name(H("Channel"))} state={H("ChannelState")} cid={Q(H("CallerIDNum"))} cidname={Q(H("CallerIDName"))}")
                        .Append($" connum={Q(H("ConnectedLineNum"))} conname={Q(H("ConnectedLineName"))} context={H("Context")} exten={H("Exten")}")
                        .Append($" priority={H("Priority")} uid={Bind(H("Uniqueid"), "u")} linked={Bind(H("Linkedid"), "u")}\n");
                    foreach (var h in new[] { "Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority", "Uniqueid", "Linkedid" })
                        done.Add(prefix + h);
                    continue;
                }
                var value = Clock.Contains(k) ? "*"
                    : k.EndsWith("BridgeUniqueid") || k is "DestUniqueId" or "DestBridgeUniqueid" ? Bind(v, "u")
                    : k.EndsWith("Channel") && v.Contains('/') ? Name(v)
                    : k is "Value" && v.Contains('/') && v.Contains('-') ? Name(v)
                    : v;
                sb.Append(k).Append(": ").Append(value).Append('\n');
            }
            sb.Append('\n');
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name), sb.ToString());
    }

    private static string Q(string v) => v.Contains(' ') ? $"\"{v}\"" : v.Length == 0 ? "\"\"" : v;
}
