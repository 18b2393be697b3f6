using System.Collections.Concurrent;

namespace Xuc.PbxSim.Protocol;

/// <summary>
/// The actions of the names a test watches, as received (headers in order, ActionID left out): a test sees exactly
/// what a client asked of the PBX (QueueAdd, QueuePause…). Nothing is kept until a name is watched.
/// </summary>
public sealed class ObservedActions
{
    private readonly ConcurrentDictionary<string, bool> _watched = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _seen = new();

    public void Watch(params string[] actions)
    {
        foreach (var a in actions) _watched[a] = true;
    }

    internal void Record(AmiRequest request)
    {
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
