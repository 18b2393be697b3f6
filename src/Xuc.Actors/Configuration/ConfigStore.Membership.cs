using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Configuration.Storage;

namespace Xuc.Actors.Configuration;

/// <summary>
/// Queue membership (docs/cti-websocket.md, "Membership"): an agent's configured queues changed by the CTI, and each
/// user's default membership (<c>xuc_user_default_memberships</c>, schema step 8), a template kept apart from the
/// configuration objects and copied into the agent's queues on request.
/// </summary>
public sealed partial class ConfigStore
{
    /// <summary>Kind name of the default-membership writes (they change no configuration object and announce nothing).</summary>
    public const string DefaultMembershipKind = "defaultmembership";

    /// <summary>
    /// An agent changed by the CTI (his queues, his group): applied to the agent as stored now, validated and written
    /// like any other change, announced with <see cref="ConfigChange.Origin"/> <paramref name="origin"/>.
    /// </summary>
    /// <returns>The agent as written (unchanged when <paramref name="change"/> changes nothing: then nothing is written), or null when there is no such agent.</returns>
    public async Task<Agent?> ChangeAgentAsync(int agentId, Func<Agent, Agent> change, string origin = ConfigChange.CtiOrigin)
    {
        Agent? same = null;
        var result = await WriteAsync(async (db, current) =>
        {
            if (current.Agents.FirstOrDefault(a => a.Id == agentId) is not { } previous) return null;
            var written = change(previous);
            if (written.DefaultQueues.SequenceEqual(previous.DefaultQueues) && written with { DefaultQueues = previous.DefaultQueues } == previous)
            {
                same = previous;
                return null;
            }
            var next = ConfigKinds.Agent.Upsert(current, written);
            ConfigValidator.Validate(next);
            await KindTables.Of(ConfigKinds.Agent).WriteAsync(db, written);
            return new Decision(new ConfigChange(ConfigKinds.Agent.Name, agentId.ToString(), ChangeOp.Updated, written, previous, origin), next);
        });
        if (result is null) return same;
        Changed?.Invoke(result);
        return (Agent)result.Value!;
    }

    /// <summary>The default membership of each of <paramref name="userIds"/> (an empty list for a user without one), queues by id.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<QueueMembership>>> DefaultMembershipsAsync(IReadOnlyCollection<int> userIds)
    {
        await using var db = Open();
        var ids = userIds.Distinct().ToArray();
        var rows = await db.GetTable<DefaultMembershipRow>().Where(r => ids.Contains(r.UserId)).ToListAsync();
        var byUser = rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<QueueMembership>)g.OrderBy(r => r.QueueId).Select(r => new QueueMembership(r.QueueId, r.Penalty)).ToList());
        return ids.ToDictionary(id => id, id => byUser.GetValueOrDefault(id) ?? []);
    }

    /// <summary>
    /// Makes <paramref name="membership"/> the default membership of every user of <paramref name="userIds"/>, in one
    /// transaction under the configuration's write lock (a queue or user deleted meanwhile is seen). Refused whole, with
    /// <see cref="ConfigValidationException"/>, when a user or queue does not exist, a penalty is outside 0..99 or a
    /// queue is listed twice.
    /// </summary>
    public async Task SetDefaultMembershipAsync(IReadOnlyCollection<int> userIds, IReadOnlyList<QueueMembership> membership)
    {
        await WriteAsync(async (db, current) =>
        {
            var errors = DefaultMembershipErrors(current, userIds, membership);
            if (errors.Count > 0) throw new ConfigValidationException(errors);
            var ids = userIds.Distinct().ToArray();
            await db.GetTable<DefaultMembershipRow>().Where(r => ids.Contains(r.UserId)).DeleteAsync();
            var rows = ids.SelectMany(u => membership.Select(m => new DefaultMembershipRow { UserId = u, QueueId = m.QueueId, Penalty = m.Penalty })).ToList();
            if (rows.Count > 0) await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, rows);
            return new Decision(new ConfigChange(DefaultMembershipKind, string.Join(",", ids), ChangeOp.Updated, null), current);
        });
    }

    /// <summary>What is wrong with a default membership for these users, in words naming the value.</summary>
    public static IReadOnlyList<string> DefaultMembershipErrors(ConfigSnapshot config, IReadOnlyCollection<int> userIds, IReadOnlyList<QueueMembership> membership)
    {
        var errors = new List<string>();
        var users = config.Users.Select(u => u.Id).ToHashSet();
        var queues = config.Queues.Select(q => q.Id).ToHashSet();
        errors.AddRange(userIds.Where(u => !users.Contains(u)).Distinct().Select(u => $"user {u} does not exist"));
        errors.AddRange(membership.Where(m => !queues.Contains(m.QueueId)).Select(m => $"queue {m.QueueId} does not exist"));
        errors.AddRange(membership.Where(m => m.Penalty is < 0 or > 99).Select(m => $"penalty {m.Penalty} of queue {m.QueueId} is outside 0..99"));
        errors.AddRange(membership.GroupBy(m => m.QueueId).Where(g => g.Count() > 1).Select(g => $"queue {g.Key} is listed more than once"));
        return errors;
    }
}
