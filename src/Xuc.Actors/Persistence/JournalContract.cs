using Newtonsoft.Json.Linq;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Statistics;

namespace Xuc.Actors.Persistence;

/// <summary>
/// The stable names of everything persisted (docs/architecture.md, "Journal contract"). A name, once released, is never
/// reused for another shape: a change of shape gets a new name (<c>.v2</c>) and the old one moves to <see cref="Retired"/>
/// with the function that turns its JSON into the new shape, so journals written by any released version recover.
/// Renaming or moving a CLR type needs no entry at all.
/// </summary>
public static class JournalContract
{
    /// <summary>The names written today.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Current = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["agent-logged-in.v1"] = typeof(AgentLoggedIn),
        ["agent-logged-out.v1"] = typeof(AgentLoggedOut),
        ["agent-paused.v1"] = typeof(AgentPaused),
        ["agent-unpaused.v1"] = typeof(AgentUnpaused),
        ["agent-queue-joined.v1"] = typeof(AgentQueueJoined),
        ["agent-queue-left.v1"] = typeof(AgentQueueLeft),
        ["agent-state.v1"] = typeof(AgentState),
        ["agent-stats.status-entered.v1"] = typeof(AgentStatusEntered),
        ["agent-stats.queue-call-offered.v1"] = typeof(AgentQueueCallOffered),
        ["agent-stats.queue-call-answered.v1"] = typeof(AgentQueueCallAnswered),
        ["agent-stats.queue-call-ended.v1"] = typeof(AgentQueueCallEnded),
        ["agent-stats.outbound-call-placed.v1"] = typeof(AgentOutboundCallPlaced),
        ["agent-stats.state.v1"] = typeof(AgentStatsState),
        ["queue-stats.call-entered.v1"] = typeof(QueueCallEntered),
        ["queue-stats.call-answered.v1"] = typeof(QueueCallAnswered),
        ["queue-stats.call-abandoned.v1"] = typeof(QueueCallAbandoned),
        ["queue-stats.call-left.v1"] = typeof(QueueCallLeft),
        ["queue-stats.state.v1"] = typeof(QueueStatsMemento),
    };

    /// <summary>A name no longer written: what it is read as, and how its JSON becomes that shape.</summary>
    public sealed record RetiredName(string Becomes, Func<JObject, JObject> Upcast);

    /// <summary>Names of earlier shapes, read through their upcast (none yet: every shape is still at v1).</summary>
    public static readonly IReadOnlyDictionary<string, RetiredName> Retired = new Dictionary<string, RetiredName>(StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<Type, string> NameOf = Current.ToDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>The name <paramref name="type"/> is written under; a persisted type left out of the contract is a programming error.</summary>
    public static string Name(Type type) => NameOf.TryGetValue(type, out var name) ? name
        : throw new InvalidOperationException($"{type.FullName} is persisted (IPersisted) but has no name in JournalContract.Current");
}
