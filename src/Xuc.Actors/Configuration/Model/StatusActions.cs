namespace Xuc.Actors.Configuration.Model;

/// <summary>
/// What a user status may do when a user picks it (<see cref="UserStatus.Actions"/>), checked on every configuration
/// write (docs/configuration-store.md, docs/cti-websocket.md "Status actions"):
/// <list type="bullet">
/// <item><c>enableDND</c> / <c>disableDND</c>: the user's do not disturb on / off, as the <c>dnd</c> command does;</item>
/// <item><c>pauseAgent</c> / <c>unpauseAgent</c>: when the user's agent is logged in, QueuePause in all his queues on
/// the interface he is logged on, the status name as the reason.</item>
/// </list>
/// </summary>
public static class StatusActions
{
    public const string EnableDnd = "enableDND";
    public const string DisableDnd = "disableDND";
    public const string PauseAgent = "pauseAgent";
    public const string UnpauseAgent = "unpauseAgent";

    public static readonly IReadOnlyList<string> All = [EnableDnd, DisableDnd, PauseAgent, UnpauseAgent];

    /// <summary>What is wrong with a status's action list, or nothing.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string> actions)
    {
        foreach (var a in actions.Where(a => !All.Contains(a)))
            yield return $"action '{a}' is not one of {string.Join(", ", All)}";
        foreach (var g in actions.GroupBy(a => a).Where(g => g.Count() > 1))
            yield return $"action '{g.Key}' is listed more than once";
        if (actions.Contains(EnableDnd) && actions.Contains(DisableDnd)) yield return $"actions {EnableDnd} and {DisableDnd} contradict each other";
        if (actions.Contains(PauseAgent) && actions.Contains(UnpauseAgent)) yield return $"actions {PauseAgent} and {UnpauseAgent} contradict each other";
    }
}
