using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions.Lists;

/// <summary>The configuration objects the lists show (queues, agents, agent groups), each by id.</summary>
public sealed record ConfigLists(IReadOnlyList<Queue> Queues, IReadOnlyList<Agent> Agents, IReadOnlyList<AgentGroup> Groups)
{
    public static readonly ConfigLists Empty = new([], [], []);

    public static ConfigLists Of(ConfigSnapshot s) =>
        new(s.Queues.OrderBy(q => q.Id).ToList(), s.Agents.OrderBy(a => a.Id).ToList(), s.AgentGroups.OrderBy(g => g.Id).ToList());

    public Agent? AgentById(int? id) => id is { } i ? Agents.FirstOrDefault(a => a.Id == i) : null;

    /// <summary>The lists after one queue or agent was written or deleted (<paramref name="previous"/> / <paramref name="value"/> null).</summary>
    public ConfigLists With(object? previous, object? value) => this with
    {
        Queues = Replace(Queues, previous as Queue, value as Queue, q => q.Id),
        Agents = Replace(Agents, previous as Agent, value as Agent, a => a.Id),
    };

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, T? previous, T? value, Func<T, int> id) where T : class
    {
        if (previous is null && value is null) return list;
        var ids = new HashSet<int>();
        if (previous is not null) ids.Add(id(previous));
        if (value is not null) ids.Add(id(value));
        var kept = list.Where(x => !ids.Contains(id(x)));
        return (value is null ? kept : kept.Append(value)).OrderBy(id).ToList();
    }
}
