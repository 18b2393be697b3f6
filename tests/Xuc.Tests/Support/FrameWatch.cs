using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Xuc.Tests.Support;

/// <summary>Reading a CTI socket until frames of given shapes came, and the shapes the supervision tests look for.</summary>
public static class FrameWatch
{
    public static string Command(string command, object? arguments = null)
    {
        var frame = new JObject { ["claz"] = "web", ["command"] = command };
        if (arguments is not null) frame.Merge(JObject.FromObject(arguments));
        return frame.ToString(Formatting.None);
    }

    /// <summary>Reads <paramref name="client"/>'s frames until each of <paramref name="wanted"/> was fitted by one, in any order; the frames read.</summary>
    public static async Task<List<JObject>> UntilAsync(CtiClient client, params (string What, Func<JObject, bool> Fits)[] wanted)
    {
        var missing = wanted.ToList();
        var read = new List<JObject>();
        using var cts = new CancellationTokenSource(CtiClient.Patience * 2);
        while (missing.Count > 0 && !cts.IsCancellationRequested)
        {
            var frame = await client.ReceiveJsonAsync();
            read.Add(frame);
            missing.RemoveAll(w => w.Fits(frame));
        }
        if (missing.Count > 0) throw new Xunit.Sdk.XunitException("never saw " + string.Join(", ", missing.Select(m => m.What)));
        return read;
    }

    public static bool Is(JObject f, string msgType) => (string?)f["msgType"] == msgType;

    public static bool AgentIs(JObject f, int agent, string name) =>
        Is(f, "AgentStateEvent") && (int)f["ctiMessage"]!["agentId"]! == agent && (string?)f["ctiMessage"]!["name"] == name;

    public static bool Counter(JObject f, int queue, string stat, double value) => Is(f, "QueueStatistics") && (int?)f["ctiMessage"]!["queueId"] == queue
        && f["ctiMessage"]!["counters"]!.Any(c => (string?)c["statName"] == stat && (double)c["value"]! == value);

    /// <summary>An AgentStatistics frame of <paramref name="agent"/> whose <paramref name="stat"/> is a non-empty value.</summary>
    public static bool AgentStatSet(JObject f, int agent, string stat) => Is(f, "AgentStatistics") && (int)f["ctiMessage"]!["id"]! == agent
        && f["ctiMessage"]!["statistics"]!.Any(x => (string?)x["name"] == stat && ((string?)x["value"])?.Length > 0);
}
