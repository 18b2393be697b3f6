namespace Xuc.PbxSim.Model;

public enum QueueStrategy { RingAll, RrMemory }

/// <summary>queues.conf <c>autopause</c>: pause a member who does not answer, in this queue or in all of its queues.</summary>
public enum QueueAutoPause { No, Yes, All }

/// <summary>An app_queue queue: members, waiting callers and counters.</summary>
public sealed class SimQueue(string name)
{
    public string Name { get; } = name;
    public string Number { get; set; } = "";
    public QueueStrategy Strategy { get; set; } = QueueStrategy.RingAll;
    public int WrapUpSeconds { get; set; }
    public bool JoinEmpty { get; set; } = true;
    /// <summary>Seconds a caller waits before leaving with a timeout (0 = no limit).</summary>
    public int TimeoutSeconds { get; set; }
    public QueueAutoPause AutoPause { get; set; }
    public List<QueueMember> Members { get; } = [];
    public List<QueueCall> Callers { get; } = [];
    public int Completed { get; set; }
    public int Abandoned { get; set; }
    public int TotalHoldSeconds { get; set; }
    public int TotalTalkSeconds { get; set; }
    /// <summary>rrmemory: the interface rung last.</summary>
    public string? LastRung { get; set; }
}

public sealed class QueueMember(string @interface, string name)
{
    public string Interface { get; } = @interface;
    public string Name { get; set; } = name;
    public string StateInterface { get; set; } = @interface;
    public string Membership { get; set; } = "dynamic";
    public int Penalty { get; set; }
    public int CallsTaken { get; set; }
    public long LastCall { get; set; }
    public long LastPause { get; set; }
    public long LoginTime { get; set; }
    public bool InCall { get; set; }
    public bool Paused { get; set; }
    public string PausedReason { get; set; } = "";
    public bool RingInUse { get; set; }
    public DateTimeOffset? WrapUpUntil { get; set; }
}

/// <summary>A caller waiting in (or being connected from) a queue.</summary>
public sealed class QueueCall(SimQueue queue, SimChannel caller, DateTimeOffset joined, int originalPosition)
{
    public SimQueue Queue { get; } = queue;
    public SimChannel Caller { get; } = caller;
    public DateTimeOffset Joined { get; } = joined;
    public int OriginalPosition { get; } = originalPosition;
    public List<(SimChannel Channel, QueueMember Member, DateTimeOffset Since)> Ringing { get; } = [];
    public HashSet<string> Declined { get; } = [];
    public QueueMember? ConnectedMember { get; set; }
    public SimChannel? ConnectedChannel { get; set; }
    public DateTimeOffset? ConnectedAt { get; set; }
}
