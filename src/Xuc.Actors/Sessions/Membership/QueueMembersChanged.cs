using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Sessions.Membership;

/// <summary>
/// Published on <see cref="PubSub.Topics.QueueMembers"/> by the node that committed a change of agents' configured
/// queues (a membership command, the admin API, an import): each entry as the session sends it, penalty -1 for a
/// queue left. Sessions that asked <c>getList queuemember</c> push the entries their profile may see.
/// </summary>
public sealed record QueueMembersChanged(IReadOnlyList<QueueMember> Members) : IEntityPublication
{
    /// <summary>The membership entries a committed configuration change altered (none for other kinds).</summary>
    public static IReadOnlyList<QueueMember> Of(ConfigChange change) => change switch
    {
        { Op: ChangeOp.Reloaded, Value: ConfigSnapshot next, Previous: ConfigSnapshot before } => Between(before.Agents, next.Agents),
        { Value: Agent or null, Previous: Agent or null } when change.Kind == ConfigKinds.Agent.Name =>
            Between(change.Previous is Agent p ? [p] : [], change.Value is Agent v ? [v] : []),
        _ => [],
    };

    private static List<QueueMember> Between(IReadOnlyList<Agent> before, IReadOnlyList<Agent> after)
    {
        var old = before.ToDictionary(a => a.Id);
        var changes = new List<QueueMember>();
        foreach (var agent in after)
        {
            var was = old.Remove(agent.Id, out var o) ? o.DefaultQueues.ToDictionary(m => m.QueueId, m => m.Penalty) : [];
            foreach (var m in agent.DefaultQueues)
                if (!was.Remove(m.QueueId, out var penalty) || penalty != m.Penalty) changes.Add(new QueueMember(agent.Id, m.QueueId, m.Penalty));
            changes.AddRange(was.Keys.Select(q => new QueueMember(agent.Id, q, QueueMember.Removed)));
        }
        foreach (var gone in old.Values)
            changes.AddRange(gone.DefaultQueues.Select(m => new QueueMember(gone.Id, m.QueueId, QueueMember.Removed)));
        return changes;
    }
}
