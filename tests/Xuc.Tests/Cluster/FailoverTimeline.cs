using System.Diagnostics;
using Xuc.Tests.Support;

namespace Xuc.Tests.Cluster;

/// <summary>
/// Where a failover's seconds go (docs/cluster.md, "Failover timeline"): from the kill, the survivors' cluster and AMI
/// log lines, HAProxy's server DOWN/UP lines, the AMI link's return on the PBX and each moved session's drop, socket open
/// and complete connect sequence, as offsets from the kill in seconds.
/// </summary>
public static class FailoverTimeline
{
    /// <summary>What a survivor logs that places a failover step: cluster membership, downing, singletons, shards, AMI.</summary>
    private static readonly string[] Marks =
    [
        "nreachable", "UNREACHABLE", "SBR", "split", "Downing", "down", "Leader", "Removed", "emoving", "ingleton", "oordinator",
        "AMI", "hand", "Rebalanc", "allocat", "Exiting", "Shard",
    ];

    public static IEnumerable<string> Lines(long killedAt, IReadOnlyList<ServerProcess> survivors, LoadBalancer lb, long? amiBackAt,
        IReadOnlyList<ReconnectingSession> moved)
    {
        string At(long t) => $"{Stopwatch.GetElapsedTime(killedAt, t).TotalSeconds,6:F2} s";
        var events = new List<(long At, string What)>();
        for (var i = 0; i < survivors.Count; i++)
        {
            var name = $"node{i + 2}";
            events.AddRange(survivors[i].TimedOutput.Where(l => l.At >= killedAt && Marks.Any(m => l.Line.Contains(m, StringComparison.Ordinal)))
                .Select(l => (l.At, $"{name}: {Trim(l.Line)}")));
        }
        events.AddRange(lb.TimedOutput.Where(l => l.At >= killedAt).Select(l => (l.At, $"haproxy: {Trim(l.Line)}")));
        if (amiBackAt is { } ami) events.Add((ami, "PBX: one AMI session again (the singleton's new link logged in)"));
        var back = moved.Where(s => !s.Reconnections.IsEmpty).Select(s => (s, r: s.Reconnections.First())).ToList();
        if (back.Count > 0)
        {
            events.Add((back.Min(b => b.r.DroppedAt), $"sessions: first drop seen by a client ({moved.Count} sessions to move)"));
            events.Add((back.Max(b => b.r.DroppedAt), "sessions: last drop seen by a client"));
            events.Add((back.Min(b => b.r.OpenAt), "sessions: first new socket open through HAProxy"));
            events.Add((back.Max(b => b.r.OpenAt), "sessions: last new socket open (of the successful attempts)"));
            events.Add((back.Min(b => b.r.BackAt), "sessions: first complete connect sequence"));
            events.Add((back.Max(b => b.r.BackAt), $"sessions: last complete connect sequence (attempts per session: max {back.Max(b => b.r.Attempts)})"));
        }
        foreach (var (why, count, first) in moved.SelectMany(s => s.FailedAttempts.Where(f => f.At >= killedAt))
                     .GroupBy(f => Trim(f.Why)).Select(g => (g.Key, g.Count(), g.Min(f => f.At))))
            events.Add((first, $"sessions: {count} failed attempt(s): {why}"));
        return events.OrderBy(e => e.At).Select(e => $"{At(e.At)}  {e.What}");
    }

    private static string Trim(string line) => line.Length <= 220 ? line : line[..220] + "…";
}
