using System.Collections.Concurrent;

namespace Xuc.PbxSim.Protocol;

/// <summary>
/// What clients asked of the simulator, for tests, in two views of the one stream: the actions of the names a test
/// watches (<see cref="Watch"/>/<see cref="Take"/>: headers in order, ActionID left out), and, while
/// <see cref="RecordAll"/> is on, every action as received (<see cref="All"/>). Nothing is kept by default.
/// </summary>
public sealed class ObservedActions
{
    private readonly ConcurrentQueue<AmiRequest> _all = new();

    public bool RecordAll { get; set; }

    public IReadOnlyList<AmiRequest> All => _all.ToArray();

    private readonly ConcurrentDictionary<string, bool> _watched = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _seen = new();

    public void Watch(params string[] actions)
    {
        foreach (var a in actions) _watched[a] = true;
    }

    internal void Record(AmiRequest request)
    {
        if (RecordAll) _all.Enqueue(request);
        if (_watched.IsEmpty || !_watched.ContainsKey(request.Action)) return;
        _seen.Enqueue(string.Join("|", request.Headers
            .Where(h => !h.Key.Equals("ActionID", StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Key}: {h.Value}")));
    }

    /// <summary>What was seen since the last call, one line per action (<c>Action: QueueAdd|Queue: sales|…</c>), in arrival order.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (_seen.TryDequeue(out var a)) taken.Add(a);
        return taken;
    }
}
