using System.Collections.Immutable;
using System.Globalization;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Commands;

namespace Xuc.Actors.Configuration;

/// <summary>
/// This node's copy of the configuration the Line, Queue and Agent entities hold, indexed by the keys the entities
/// are sharded by: a line by its device (<c>PJSIP/1001</c>), a queue by its Asterisk name, an agent by its id.
/// An entity reads its object here when it starts; changes reach running entities as <c>Configure…</c> messages
/// (<see cref="MessagesFor"/>) and every node's copy through the <c>config</c> topic.
/// </summary>
public sealed class EntityConfigDirectory
{
    private sealed record Index(
        ImmutableDictionary<string, Line> Lines,
        ImmutableDictionary<string, Queue> Queues,
        ImmutableDictionary<string, Agent> Agents)
    {
        /// <summary>The call sheet's fields, by name (the Sheet lists them by their order).</summary>
        public ImmutableDictionary<string, SheetField> SheetFields { get; init; } = ImmutableDictionary<string, SheetField>.Empty;

        /// <summary>Lines by directory number (an agent's own calls and logins look them up on every event).</summary>
        public ImmutableDictionary<string, Line> LinesByNumber { get; init; } = ImmutableDictionary<string, Line>.Empty;

        /// <summary>Queues by configuration id (an agent's default queues name them so).</summary>
        public ImmutableDictionary<int, Queue> QueuesById { get; init; } = ImmutableDictionary<int, Queue>.Empty;
    }

    private static readonly Index NoObjects = new(
        ImmutableDictionary<string, Line>.Empty, ImmutableDictionary<string, Queue>.Empty, ImmutableDictionary<string, Agent>.Empty);

    private readonly object _writeGate = new();
    private volatile Index _index = NoObjects;

    public static EntityConfigDirectory From(ConfigSnapshot snapshot)
    {
        var directory = new EntityConfigDirectory();
        directory.Load(snapshot);
        return directory;
    }

    public static string KeyOf(Line line) => line.Interface;
    public static string KeyOf(Queue queue) => queue.Name;
    public static string KeyOf(Agent agent) => agent.Id.ToString(CultureInfo.InvariantCulture);

    public Line? Line(string lineId) => _index.Lines.GetValueOrDefault(lineId);
    public Queue? Queue(string queueId) => _index.Queues.GetValueOrDefault(queueId);
    public Agent? Agent(string agentId) => _index.Agents.GetValueOrDefault(agentId);

    /// <summary>The call sheet's fields in display order (then name); empty: no Sheet is sent.</summary>
    public IReadOnlyList<SheetField> SheetFields() => _index.SheetFields.Values.OrderBy(f => f.Order).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>The line with this directory number (phone hints, an agent's <c>agentphonenumber</c>, his own calls).</summary>
    public Line? LineByNumber(string number) => _index.LinesByNumber.GetValueOrDefault(number);

    /// <summary>A queue by its configuration id (an agent's default queues name them so).</summary>
    public Queue? QueueById(int id) => _index.QueuesById.GetValueOrDefault(id);

    /// <summary>Every configured queue (what a wallboard's statistics cover).</summary>
    public IEnumerable<Queue> Queues => _index.Queues.Values;

    public IEnumerable<Line> Lines => _index.Lines.Values;

    /// <summary>Every configured agent (what a supervisor's agent events and statistics cover).</summary>
    public IEnumerable<Agent> Agents => _index.Agents.Values;

    public void Load(ConfigSnapshot snapshot)
    {
        var index = new Index(
            snapshot.Lines.ToImmutableDictionary(KeyOf),
            snapshot.Queues.ToImmutableDictionary(KeyOf),
            snapshot.Agents.ToImmutableDictionary(KeyOf))
        {
            SheetFields = snapshot.SheetFields.ToImmutableDictionary(f => f.Name, StringComparer.Ordinal),
            LinesByNumber = ByKey(snapshot.Lines, l => l.Number),
            QueuesById = ByKey(snapshot.Queues, q => q.Id),
        };
        lock (_writeGate) _index = index;
    }

    /// <summary>Applies a committed change; changes to other kinds than line, queue, agent and sheet field leave it as it is.</summary>
    public void Apply(ConfigChange change)
    {
        if (change is { Op: ChangeOp.Reloaded, Value: ConfigSnapshot snapshot })
        {
            Load(snapshot);
            return;
        }
        lock (_writeGate)
        {
            var i = _index;
            _index = i with
            {
                Lines = Replace(i.Lines, change.Previous as Line, change.Value as Line, KeyOf),
                Queues = Replace(i.Queues, change.Previous as Queue, change.Value as Queue, KeyOf),
                Agents = Replace(i.Agents, change.Previous as Agent, change.Value as Agent, KeyOf),
                SheetFields = Replace(i.SheetFields, change.Previous as SheetField, change.Value as SheetField, f => f.Name),
                LinesByNumber = Replace(i.LinesByNumber, change.Previous as Line, change.Value as Line, l => l.Number),
                QueuesById = Replace(i.QueuesById, change.Previous as Queue, change.Value as Queue, q => q.Id),
            };
        }
    }

    /// <summary>The first of each key wins (the configuration's validation keeps line numbers and queue ids unique).</summary>
    private static ImmutableDictionary<TKey, T> ByKey<TKey, T>(IEnumerable<T> objects, Func<T, TKey> key) where TKey : notnull
    {
        var map = ImmutableDictionary.CreateBuilder<TKey, T>();
        foreach (var o in objects) map.TryAdd(key(o), o);
        return map.ToImmutable();
    }

    private static ImmutableDictionary<TKey, T> Replace<TKey, T>(ImmutableDictionary<TKey, T> map, T? previous, T? value, Func<T, TKey> key)
        where T : class where TKey : notnull
    {
        if (previous is not null) map = map.Remove(key(previous));
        if (value is not null) map = map.SetItem(key(value), value);
        return map;
    }

    /// <summary>
    /// The <c>Configure…</c> messages that bring the entities concerned by a change up to date: the entity keyed by
    /// the new object gets it, an entity whose key the change took away (a deleted object, a renamed queue, a line
    /// moved to another device) gets null. An import sends only to the entities whose object differs.
    /// </summary>
    public static IReadOnlyList<object> MessagesFor(ConfigChange change)
    {
        if (change is { Op: ChangeOp.Reloaded, Value: ConfigSnapshot next, Previous: ConfigSnapshot before })
            return
            [
                .. Diff(before.Lines, next.Lines, KeyOf, SameLine, (k, v) => new ConfigureLine(k, v)),
                .. Diff(before.Queues, next.Queues, KeyOf, SameQueue, (k, v) => new ConfigureQueue(k, v)),
                .. Diff(before.Agents, next.Agents, KeyOf, SameAgent, (k, v) => new ConfigureAgent(k, v)),
            ];
        return
        [
            .. Single(change.Previous as Line, change.Value as Line, KeyOf, (k, v) => new ConfigureLine(k, v)),
            .. Single(change.Previous as Queue, change.Value as Queue, KeyOf, (k, v) => new ConfigureQueue(k, v)),
            .. Single(change.Previous as Agent, change.Value as Agent, KeyOf, (k, v) => new ConfigureAgent(k, v)),
        ];
    }

    private static IEnumerable<object> Single<T>(T? previous, T? value, Func<T, string> key, Func<string, T?, object> message) where T : class
    {
        if (previous is not null && (value is null || key(previous) != key(value))) yield return message(key(previous), null);
        if (value is not null) yield return message(key(value), value);
    }

    private static IEnumerable<object> Diff<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key,
        Func<T, T, bool> same, Func<string, T?, object> message) where T : class
    {
        var old = before.ToDictionary(key);
        var now = after.ToDictionary(key);
        foreach (var (k, _) in old)
            if (!now.ContainsKey(k)) yield return message(k, null);
        foreach (var (k, v) in now)
            if (!old.TryGetValue(k, out var o) || !same(o, v)) yield return message(k, v);
    }

    private static bool SameLine(Line a, Line b) => a == b;
    private static bool SameQueue(Queue a, Queue b) => a == b;
    private static readonly QueueMembership[] NoMemberships = [];

    private static bool SameAgent(Agent a, Agent b) =>
        a with { DefaultQueues = NoMemberships } == b with { DefaultQueues = NoMemberships } && a.DefaultQueues.SequenceEqual(b.DefaultQueues);
}
