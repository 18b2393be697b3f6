using Newtonsoft.Json.Linq;

namespace Xuc.Tests.Support;

/// <summary>
/// A wallboard's view of the <c>QueueStatistics</c> frames it received, folded per queue: the first frame of a queue
/// must carry all twelve counters (the snapshot), every later one only counters whose value changed (the deltas).
/// </summary>
public sealed class QueueStatsFold
{
    public static readonly string[] Names =
    [
        "TotalNumberCallsEntered", "TotalNumberCallsAnswered", "PercentageAnsweredBefore15", "TotalNumberCallsAbandonned",
        "TotalNumberCallsAbandonnedAfter15", "PercentageAbandonnedAfter15", "WaitingCalls", "LongestWaitingTime", "EWT",
        "AvailableAgents", "TalkingAgents", "LoggedAgents",
    ];

    public Dictionary<int, Dictionary<string, double>> Queues { get; } = [];

    public Dictionary<string, double> this[int queueId] => Queues[queueId];

    /// <summary>Folds one frame's <c>ctiMessage</c>, checking that it is a snapshot (first) or carries only changes.</summary>
    public void Apply(JObject message)
    {
        var id = (int)message["queueId"]!;
        var counters = ((JArray)message["counters"]!).Cast<JObject>().ToList();
        foreach (var c in counters)
            Assert.Equal(((string)c["statName"]!).StartsWith("Percentage") ? JTokenType.Float : JTokenType.Integer, c["value"]!.Type);
        if (!Queues.TryGetValue(id, out var known))
        {
            Assert.Equal(Names, counters.Select(c => (string)c["statName"]!));
            Queues[id] = counters.ToDictionary(c => (string)c["statName"]!, c => (double)c["value"]!);
            return;
        }
        Assert.NotEmpty(counters);
        foreach (var c in counters)
        {
            var name = (string)c["statName"]!;
            Assert.True(known[name] != (double)c["value"]!, $"queue {id}: a delta repeats {name} = {known[name]}");
            known[name] = (double)c["value"]!;
        }
    }

    /// <summary>Reads the client's frames until the queue's counters have these values (other frames than QueueStatistics are skipped).</summary>
    public async Task Until(CtiClient client, int queueId, params (string Name, double Value)[] expected)
    {
        while (!Queues.TryGetValue(queueId, out var known) || expected.Any(e => known[e.Name] != e.Value))
        {
            try
            {
                Apply(await QueueFrames.Next(client, "QueueStatistics"));
            }
            catch (OperationCanceledException)
            {
                var had = Queues.TryGetValue(queueId, out var k) ? string.Join(", ", k.Select(kv => $"{kv.Key}={kv.Value}")) : "nothing";
                Assert.Fail($"queue {queueId}: no frame brought {string.Join(", ", expected.Select(e => $"{e.Name}={e.Value}"))}; the fold has {had}");
            }
        }
    }
}

public static class QueueFrames
{
    /// <summary>The <c>ctiMessage</c> of the client's next frame of one of these types; the frames of other types are skipped.</summary>
    public static async Task<JObject> Next(CtiClient client, params string[] types)
    {
        while (true)
        {
            var frame = await Receive(client);
            if (types.Contains((string)frame["msgType"]!)) return (JObject)frame["ctiMessage"]!;
        }
    }

    /// <summary>The next frame as written: strings that look like dates stay strings.</summary>
    public static async Task<JObject> Receive(CtiClient client)
    {
        var text = await client.ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("the server closed the socket");
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static Task Send(CtiClient client, string command, object? arguments = null)
    {
        var frame = arguments is null ? new JObject() : JObject.FromObject(arguments);
        frame["claz"] = "web";
        frame["command"] = command;
        return client.SendAsync(frame.ToString(Newtonsoft.Json.Formatting.None));
    }
}
