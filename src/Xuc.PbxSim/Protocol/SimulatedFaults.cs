using System.Collections.Concurrent;

namespace Xuc.PbxSim.Protocol;

/// <summary>
/// Misbehaviour switched on by tests and by an integrator rehearsing failures: actions the PBX never answers (an
/// Asterisk stuck on a lock, a response lost on the way), and a delay before every answer (a loaded PBX).
/// A withheld action is read and dropped: no response, no effect. Both are off until asked.
/// </summary>
public sealed class SimulatedFaults
{
    private readonly ConcurrentDictionary<string, bool> _withheld = new(StringComparer.OrdinalIgnoreCase);
    private long _delayTicks;
    private long _dropped;

    public void Withhold(string action) => _withheld[action] = true;

    public bool IsWithheld(string action) => _withheld.ContainsKey(action);

    /// <summary>Whether to drop this action now; counts the actions dropped (<see cref="DroppedActions"/>).</summary>
    public bool Drops(string action)
    {
        if (!IsWithheld(action)) return false;
        Interlocked.Increment(ref _dropped);
        return true;
    }

    /// <summary>How many withheld actions were read and dropped: a test knows its action reached the PBX.</summary>
    public long DroppedActions => Interlocked.Read(ref _dropped);

    public IReadOnlyCollection<string> Withheld => _withheld.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Waited before each action is handled (and so before its response); zero for none.</summary>
    public TimeSpan ResponseDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>
    /// The AstDB cannot be written (a full or read-only disk): DBPut answers manager.c's <c>Failed to update entry</c>
    /// and changes nothing.
    /// </summary>
    public bool AstDbReadOnly { get; set; }

    public void Clear()
    {
        AstDbReadOnly = false;
        _withheld.Clear();
        ResponseDelay = TimeSpan.Zero;
    }
}
