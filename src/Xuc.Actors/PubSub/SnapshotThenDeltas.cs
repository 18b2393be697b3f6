using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.PubSub;

/// <summary>What a subscriber does with a delta it just received.</summary>
public enum DeltaStep
{
    /// <summary>No snapshot yet: the delta is kept and applied (or dropped) when the snapshot comes.</summary>
    Held,
    /// <summary>The next one: applied to <see cref="SnapshotThenDeltas{T}.Current"/>.</summary>
    Applied,
    /// <summary>Already in the snapshot (or seen): ignored.</summary>
    Stale,
    /// <summary>One or more deltas were missed (or the entity restarted): ask for the snapshot again.</summary>
    Gap,
}

/// <summary>
/// A subscriber's view of one entity: subscribe to its topic, ask for the snapshot, and feed both here; deltas
/// that arrive before the snapshot wait for it, deltas it already includes are ignored, and a gap in the numbers
/// (a delta lost on the way, a restarted entity) says to ask for the snapshot again.
/// </summary>
public sealed class SnapshotThenDeltas<T>(Func<T, IEntityDelta, T> apply) where T : class, IEntitySnapshot
{
    private readonly List<IEntityDelta> _held = [];

    public T? Current { get; private set; }

    /// <summary>Starts (or restarts) from a snapshot; the held deltas that follow it are applied.</summary>
    public void OnSnapshot(T snapshot)
    {
        Current = snapshot;
        var held = _held.OrderBy(d => d.Seq).ToList();
        _held.Clear();
        foreach (var d in held)
            if (OnDelta(d) == DeltaStep.Gap) return;
    }

    public DeltaStep OnDelta(IEntityDelta delta)
    {
        if (Current is null)
        {
            _held.Add(delta);
            return DeltaStep.Held;
        }
        if (delta.Seq <= Current.Seq) return DeltaStep.Stale;
        if (delta.Seq != Current.Seq + 1)
        {
            Current = null;
            _held.Add(delta);
            return DeltaStep.Gap;
        }
        Current = apply(Current, delta);
        return DeltaStep.Applied;
    }
}
