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

    /// <summary>
    /// Reads <paramref name="client"/>'s frames until one equal to <paramref name="expected"/> (compared whole); a frame
    /// passed over on the way must be of one of <paramref name="passOver"/>'s types (pushed on their own time, e.g. the
    /// phone's PhoneStatusUpdate or an agent's AgentStateEvent), anything else fails naming what came.
    /// </summary>
    public static async Task ExpectAsync(CtiClient client, string expected, params string[] passOver)
    {
        var passed = new List<string>();
        while (true)
        {
            var frame = await client.ReceiveAsync() ?? throw new Xunit.Sdk.XunitException($"the server closed the socket; expected {expected}");
            if (frame == expected) return;
            passed.Add(frame);
            if (!passOver.Contains((string?)JObject.Parse(frame)["msgType"]))
                throw new Xunit.Sdk.XunitException($"expected:\n{expected}\ngot:\n{string.Join("\n", passed)}");
        }
    }

    /// <summary>Reads <paramref name="client"/>'s frames until each of <paramref name="wanted"/> came (compared whole, in any order); every frame read.</summary>
    public static async Task<List<string>> ReadUntilAsync(CtiClient client, params string[] wanted)
    {
        var read = new List<string>();
        var missing = wanted.ToList();
        using var cts = new CancellationTokenSource(CtiClient.Patience * 2);
        while (missing.Count > 0 && !cts.IsCancellationRequested)
        {
            string? frame;
            try { frame = await client.ReceiveAsync(); }
            catch (OperationCanceledException) { break; }
            if (frame is null) break;
            read.Add(frame);
            missing.Remove(frame);
        }
        if (missing.Count > 0) throw new Xunit.Sdk.XunitException($"never saw:\n{string.Join("\n", missing)}\nread:\n{string.Join("\n", read)}");
        return read;
    }

    /// <summary>The frames of <paramref name="frames"/> whose msgType is <paramref name="msgType"/>.</summary>
    public static List<string> OfType(IEnumerable<string> frames, string msgType) => frames.Where(f => (string?)JObject.Parse(f)["msgType"] == msgType).ToList();

    public static bool Is(JObject f, string msgType) => (string?)f["msgType"] == msgType;

    public static bool AgentIs(JObject f, int agent, string name) =>
        Is(f, "AgentStateEvent") && (int)f["ctiMessage"]!["agentId"]! == agent && (string?)f["ctiMessage"]!["name"] == name;

    public static bool Counter(JObject f, int queue, string stat, double value) => Is(f, "QueueStatistics") && (int?)f["ctiMessage"]!["queueId"] == queue
        && f["ctiMessage"]!["counters"]!.Any(c => (string?)c["statName"] == stat && (double)c["value"]! == value);

    /// <summary>An AgentStatistics frame of <paramref name="agent"/> whose <paramref name="stat"/> is a non-empty value.</summary>
    public static bool AgentStatSet(JObject f, int agent, string stat) => Is(f, "AgentStatistics") && (int)f["ctiMessage"]!["id"]! == agent
        && f["ctiMessage"]!["statistics"]!.Any(x => (string?)x["name"] == stat && ((string?)x["value"])?.Length > 0);
}
