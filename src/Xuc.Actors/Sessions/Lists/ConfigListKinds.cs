using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Rights;

namespace Xuc.Actors.Sessions.Lists;

/// <summary>One <c>objectType</c> of <c>getList</c> / <c>getConfig</c>: its whole list and one object, as a profile may see them.</summary>
public interface IConfigListKind
{
    string ObjectType { get; }

    /// <summary>The list message (<c>QueueList</c>...), filtered by <paramref name="visibility"/>.</summary>
    ICtiMessage List(ConfigLists lists, Visibility visibility);

    /// <summary>One object's message, or the <see cref="CtiError"/> saying why not (unknown id, not visible).</summary>
    ICtiMessage One(ConfigLists lists, Visibility visibility, int id, string command);
}

/// <summary>A kind over one list of <paramref name="items"/>: what is visible, how one object and the list are written.</summary>
public sealed class ConfigListKind<T>(
    string objectType, Func<ConfigLists, IReadOnlyList<T>> items, Func<T, int> id, Func<T, Visibility, ConfigLists, bool> sees,
    Func<IReadOnlyList<T>, ICtiMessage> list, Func<T, ICtiMessage> one, string unknownCode) : IConfigListKind
{
    public string ObjectType => objectType;

    public ICtiMessage List(ConfigLists lists, Visibility visibility) => list(items(lists).Where(x => sees(x, visibility, lists)).ToList());

    public ICtiMessage One(ConfigLists lists, Visibility visibility, int wanted, string command)
    {
        if (items(lists).FirstOrDefault(x => id(x) == wanted) is not { } item)
            return new CtiError(unknownCode, $"{command}: no {objectType} has id {wanted}");
        return sees(item, visibility, lists) ? one(item)
            : new CtiError(CtiErrors.NotAuthorized, $"{command}: {objectType} {wanted} is not visible to the {visibility.Profile} profile");
    }
}

/// <summary>
/// The object types <c>getList</c> and <c>getConfig</c> answer, keyed by <c>objectType</c>: one more type is one more
/// entry. Agent groups have no single-object message in the reference: <c>getConfig</c> of one group answers an
/// <c>AgentGroupList</c> of that group.
/// </summary>
public static class ConfigListKinds
{
    public const string UnknownAgent = "UnknownAgent";
    public const string UnknownAgentGroup = "UnknownAgentGroup";

    public static readonly IReadOnlyDictionary<string, IConfigListKind> ByObjectType = new IConfigListKind[]
    {
        new ConfigListKind<Queue>("queue", l => l.Queues, q => q.Id, (q, v, l) => v.SeesQueue(q.Id, l.AgentById(v.OwnAgent)),
            qs => new QueueList(qs.Select(QueueConfigEntry.Of).ToList()), q => new QueueConfig(QueueConfigEntry.Of(q)), Queues.QueueErrors.UnknownQueue),
        new ConfigListKind<Agent>("agent", l => l.Agents, a => a.Id, (a, v, _) => v.SeesAgent(a),
            agents => new AgentList(agents.Select(AgentConfigEntry.Of).ToList()), a => new AgentConfig(AgentConfigEntry.Of(a)), UnknownAgent),
        new ConfigListKind<AgentGroup>("agentgroup", l => l.Groups, g => g.Id, (g, v, l) => v.SeesGroup(g.Id, l.AgentById(v.OwnAgent)),
            gs => new AgentGroupList(gs.Select(AgentGroupEntry.Of).ToList()), g => new AgentGroupList([AgentGroupEntry.Of(g)]), UnknownAgentGroup),
    }.ToDictionary(k => k.ObjectType, StringComparer.Ordinal);
}
