using System.Collections.Concurrent;
using System.Diagnostics;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Statistics;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Statistics;

/// <summary>
/// Keeps every queue event (one with a <c>Queue</c> header) the simulator writes, in order, and, for the latency, the
/// instant it left the simulator of each event that moves a day counter to a new value: the n-th QueueCallerJoin of a
/// queue → TotalNumberCallsEntered = n, the n-th AgentConnect → TotalNumberCallsAnswered = n, the n-th
/// QueueCallerAbandon → TotalNumberCallsAbandonned = n.
/// </summary>
/// <param name="names">The counters as the bench indexes them.</param>
public sealed class QueueEventRecorder(string[] names) : IAmiEventSink
{
    private readonly ConcurrentQueue<AmiEventData> _log = new();
    private readonly ConcurrentDictionary<(string Queue, string Counter), int> _counts = new();

    /// <summary>By (queue number N of <c>queueN</c>, the counter's index in <paramref name="names"/>, value).</summary>
    public ConcurrentDictionary<(int Queue, int Counter, int Value), long> Emitted { get; } = new();
    public IReadOnlyCollection<AmiEventData> Log => _log;

    public void SendEvent(string text)
    {
        var at = Stopwatch.GetTimestamp();
        var e = Parse(text);
        if (e["Queue"] is not { } queue) return;
        _log.Enqueue(e);
        var counter = e.Name switch
        {
            "QueueCallerJoin" => QueueCounters.TotalNumberCallsEntered,
            "AgentConnect" => QueueCounters.TotalNumberCallsAnswered,
            "QueueCallerAbandon" => QueueCounters.TotalNumberCallsAbandonned,
            _ => null,
        };
        if (counter is null) return;
        var n = _counts.AddOrUpdate((queue, counter), 1, (_, v) => v + 1);
        if (queue.StartsWith("queue", StringComparison.Ordinal) && int.TryParse(queue.AsSpan(5), out var number))
            Emitted[(number, Array.IndexOf(names, counter), n)] = at;
    }

    private static AmiEventData Parse(string text)
    {
        var headers = new List<KeyValuePair<string, string>>();
        string name = "";
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0) continue;
            var (k, v) = (line[..colon], line[(colon + 2)..]);
            if (k == "Event") name = v;
            else headers.Add(KeyValuePair.Create(k, v));
        }
        return new AmiEventData(name, headers);
    }
}
