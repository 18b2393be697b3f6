using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Membership;

/// <summary>
/// The membership commands (docs/cti-websocket.md, "Membership"): every argument and right is checked against the
/// configuration before anything is sent to the PBX or stored, so a refused command changes nothing. Then each agent
/// concerned goes through <see cref="MembershipDesk.ChangeQueuesAsync"/>.
/// </summary>
public static class MembershipCommands
{
    public const string SetAgentQueue = "setAgentQueue";
    public const string RemoveAgentFromQueue = "removeAgentFromQueue";
    public const string SetAgentGroup = "setAgentGroup";
    public const string MoveAgentsInGroup = "moveAgentsInGroup";
    public const string AddAgentsInGroup = "addAgentsInGroup";
    public const string RemoveAgentGroupFromQueueGroup = "removeAgentGroupFromQueueGroup";
    public const string AddAgentsNotInQueueFromGroupTo = "addAgentsNotInQueueFromGroupTo";
    public const string GetUserDefaultMembership = "getUserDefaultMembership";
    public const string SetUserDefaultMembership = "setUserDefaultMembership";
    public const string SetUsersDefaultMembership = "setUsersDefaultMembership";
    public const string ApplyUsersDefaultMembership = "applyUsersDefaultMembership";
    /// <summary><c>getList</c> / <c>getConfig</c> with this objectType is answered here.</summary>
    public const string QueueMemberObjectType = "queuemember";

    public static readonly IReadOnlySet<string> Commands = new HashSet<string>
    {
        SetAgentQueue, RemoveAgentFromQueue, SetAgentGroup, MoveAgentsInGroup, AddAgentsInGroup, RemoveAgentGroupFromQueueGroup,
        AddAgentsNotInQueueFromGroupTo, GetUserDefaultMembership, SetUserDefaultMembership, SetUsersDefaultMembership, ApplyUsersDefaultMembership,
    };

    /// <summary>A membership command, or <c>getList</c>/<c>getConfig</c> of <c>queuemember</c>.</summary>
    public static bool Handles(string command, JObject frame) =>
        Commands.Contains(command) || command is "getList" or "getConfig" && (string?)frame["objectType"] == QueueMemberObjectType;

    private static CommandArgument Integer(string name) => new(name, [JTokenType.Integer]);

    /// <summary>The arguments of each command for <see cref="CommandCatalog"/> (ids and penalties are JSON integers).</summary>
    public static IEnumerable<CommandSpec> Specs(IReadOnlySet<ProfileKind> everyone, IReadOnlySet<ProfileKind> supervisors)
    {
        CommandArgument[] fromTo = [Integer("groupId"), Integer("fromQueueId"), Integer("fromPenalty"), Integer("toQueueId"), Integer("toPenalty")];
        CommandArgument[] groupQueue = [Integer("groupId"), Integer("queueId"), Integer("penalty")];
        var membership = new CommandArgument("membership", [JTokenType.Array]) { ElementType = JTokenType.Object };
        var userIds = new CommandArgument("userIds", [JTokenType.Array]) { ElementType = JTokenType.Integer };
        return
        [
            new(SetAgentQueue, [Integer("agentId"), Integer("queueId"), Integer("penalty")], supervisors, true),
            new(RemoveAgentFromQueue, [Integer("agentId"), Integer("queueId")], supervisors, true),
            new(SetAgentGroup, [Integer("agentId"), Integer("groupId")], supervisors, true),
            new(MoveAgentsInGroup, fromTo, supervisors, true),
            new(AddAgentsInGroup, fromTo, supervisors, true),
            new(RemoveAgentGroupFromQueueGroup, groupQueue, supervisors, true),
            new(AddAgentsNotInQueueFromGroupTo, groupQueue, supervisors, true),
            new(GetUserDefaultMembership, [Integer("userId")], everyone, true),
            new(SetUserDefaultMembership, [Integer("userId"), membership], supervisors, true),
            new(SetUsersDefaultMembership, [userIds, membership], supervisors, true),
            new(ApplyUsersDefaultMembership, [userIds], supervisors, true),
        ];
    }

    /// <summary>Runs one command for <paramref name="user"/>; what the asking session is to push (answers, errors).</summary>
    public static async Task<MembershipReply> RunAsync(string command, JObject frame, SessionUser user, MembershipDesk desk)
    {
        try
        {
            var config = await desk.Store.LoadAsync();
            var scope = Scope.Of(user);
            return command switch
            {
                "getList" or "getConfig" => new MembershipReply([new QueueMemberList(Members(config, scope))]) { Listed = true, Scope = scope },
                GetUserDefaultMembership => new MembershipReply([await GetDefaultAsync(config, scope, Int(frame, "userId"), desk.Store)]),
                SetUserDefaultMembership => new MembershipReply([.. (await SetDefaultAsync(command, config, scope, [Int(frame, "userId")], frame, desk.Store)).Users]),
                SetUsersDefaultMembership => new MembershipReply([await SetDefaultAsync(command, config, scope, Ints(frame, "userIds"), frame, desk.Store)]),
                ApplyUsersDefaultMembership => await ApplyDefaultAsync(command, config, scope, Ints(frame, "userIds"), desk),
                SetAgentGroup => await SetGroupAsync(command, config, scope, Int(frame, "agentId"), Int(frame, "groupId"), desk.Store),
                _ => await ChangeAsync(command, frame, config, scope, desk),
            };
        }
        catch (Refused r)
        {
            return new MembershipReply([r.Error]);
        }
    }

    private static List<QueueMember> Members(ConfigSnapshot config, Scope scope) =>
        config.Agents.SelectMany(a => a.DefaultQueues.Select(m => new QueueMember(a.Id, m.QueueId, m.Penalty))).Where(scope.SeesMember).ToList();

    // ---- setAgentQueue, removeAgentFromQueue and the group moves ----

    private static async Task<MembershipReply> ChangeAsync(string command, JObject frame, ConfigSnapshot config, Scope scope, MembershipDesk desk)
    {
        // Each agent concerned and his queues as the command leaves them (a change of the stored list, applied under the desk's lock).
        List<(int AgentId, Func<IReadOnlyList<QueueMembership>, IReadOnlyList<QueueMembership>> Change)> plan;
        if (command is SetAgentQueue or RemoveAgentFromQueue)
        {
            var agent = AgentOf(command, config, scope, Int(frame, "agentId"));
            var queue = QueueOf(command, config, scope, Int(frame, "queueId"));
            if (command == SetAgentQueue)
            {
                var penalty = Penalty(command, frame, "penalty");
                plan = [(agent.Id, qs => Set(qs, queue, penalty))];
            }
            else
            {
                if (agent.DefaultQueues.All(m => m.QueueId != queue))
                    throw new Refused(MembershipErrors.NotAMember, $"{command}: agent {agent.Id} is not a member of queue {queue}");
                plan = [(agent.Id, qs => Without(qs, queue))];
            }
        }
        else
        {
            var group = GroupOf(command, config, scope, Int(frame, "groupId"));
            var members = config.Agents.Where(a => a.GroupId == group).ToList();
            if (command is MoveAgentsInGroup or AddAgentsInGroup)
            {
                var from = QueueOf(command, config, scope, Int(frame, "fromQueueId"));
                var fromPenalty = Penalty(command, frame, "fromPenalty");
                var to = QueueOf(command, config, scope, Int(frame, "toQueueId"));
                var toPenalty = Penalty(command, frame, "toPenalty");
                var move = command == MoveAgentsInGroup;
                plan = members.Where(a => a.DefaultQueues.Any(m => m.QueueId == from && m.Penalty == fromPenalty))
                    .Select(a => (a.Id, (Func<IReadOnlyList<QueueMembership>, IReadOnlyList<QueueMembership>>)(qs => Set(move ? Without(qs, from) : qs, to, toPenalty))))
                    .ToList();
            }
            else
            {
                var queue = QueueOf(command, config, scope, Int(frame, "queueId"));
                var penalty = Penalty(command, frame, "penalty");
                plan = command == RemoveAgentGroupFromQueueGroup
                    ? members.Where(a => a.DefaultQueues.Any(m => m.QueueId == queue && m.Penalty == penalty))
                        .Select(a => (a.Id, (Func<IReadOnlyList<QueueMembership>, IReadOnlyList<QueueMembership>>)(qs => Without(qs, queue)))).ToList()
                    : members.Where(a => a.DefaultQueues.All(m => m.QueueId != queue))
                        .Select(a => (a.Id, (Func<IReadOnlyList<QueueMembership>, IReadOnlyList<QueueMembership>>)(qs => Set(qs, queue, penalty)))).ToList();
            }
        }
        var errors = new List<ICtiMessage>();
        foreach (var (agentId, change) in plan)
            if (await desk.ChangeQueuesAsync(command, agentId, change) is { } error) errors.Add(error);
        return new MembershipReply(errors);
    }

    private static IReadOnlyList<QueueMembership> Set(IReadOnlyList<QueueMembership> queues, int queueId, int penalty) =>
        queues.Any(m => m.QueueId == queueId)
            ? queues.Select(m => m.QueueId == queueId ? new QueueMembership(queueId, penalty) : m).ToList()
            : [.. queues, new QueueMembership(queueId, penalty)];

    private static IReadOnlyList<QueueMembership> Without(IReadOnlyList<QueueMembership> queues, int queueId) => queues.Where(m => m.QueueId != queueId).ToList();

    private static async Task<MembershipReply> SetGroupAsync(string command, ConfigSnapshot config, Scope scope, int agentId, int groupId, ConfigStore store)
    {
        var agent = AgentOf(command, config, scope, agentId);
        var group = GroupOf(command, config, scope, groupId);
        try
        {
            await store.ChangeAgentAsync(agent.Id, a => a with { GroupId = group });
            return new MembershipReply([]);
        }
        catch (ConfigValidationException e)
        {
            return new MembershipReply([new CtiError(CtiErrors.NotStored, $"{command}: {string.Join("; ", e.Errors)}")]);
        }
    }

    // ---- default membership ----

    private static async Task<UserQueueDefaultMembership> GetDefaultAsync(ConfigSnapshot config, Scope scope, int userId, ConfigStore store)
    {
        UserOf(GetUserDefaultMembership, config, scope, userId);
        var membership = (await store.DefaultMembershipsAsync([userId]))[userId];
        return new UserQueueDefaultMembership(userId, membership.Select(MembershipEntry.Of).ToList());
    }

    private static async Task<UsersQueueDefaultMembership> SetDefaultAsync(string command, ConfigSnapshot config, Scope scope, IReadOnlyList<int> userIds, JObject frame, ConfigStore store)
    {
        foreach (var id in userIds) UserOf(command, config, scope, id);
        var membership = MembershipOf(command, config, scope, (JArray)frame["membership"]!);
        var stored = await store.DefaultMembershipsAsync(userIds);
        foreach (var id in userIds.Distinct()) RefuseOutsideScope(command, scope, $"user {id}'s default membership", stored[id], membership);
        try
        {
            await store.SetDefaultMembershipAsync(userIds, membership);
        }
        catch (ConfigValidationException e)
        {
            throw new Refused(CtiErrors.NotStored, $"{command}: {string.Join("; ", e.Errors)}");
        }
        var entries = membership.OrderBy(m => m.QueueId).Select(MembershipEntry.Of).ToList();
        return new UsersQueueDefaultMembership(userIds.Distinct().Select(u => new UserQueueDefaultMembership(u, entries)).ToList());
    }

    private static async Task<MembershipReply> ApplyDefaultAsync(string command, ConfigSnapshot config, Scope scope, IReadOnlyList<int> userIds, MembershipDesk desk)
    {
        var agents = new List<int>();
        foreach (var id in userIds.Distinct())
        {
            var user = UserOf(command, config, scope, id);
            agents.Add(user.AgentId ?? throw new Refused(CtiErrors.InvalidArgument, $"{command}: user {id} has no agent"));
        }
        var defaults = await desk.Store.DefaultMembershipsAsync(userIds);
        // A queue deleted since the default was saved is left out.
        var targets = userIds.Distinct().Zip(agents, (user, agent) =>
                (User: user, Agent: agent, Target: (IReadOnlyList<QueueMembership>)defaults[user].Where(m => config.Queues.Any(q => q.Id == m.QueueId)).ToList()))
            .ToList();
        // Nothing is changed if any agent's change would touch a queue outside the requester's scope.
        foreach (var (_, agentId, target) in targets)
            RefuseOutsideScope(command, scope, $"agent {agentId}'s queues", config.Agents.FirstOrDefault(a => a.Id == agentId)?.DefaultQueues ?? [], target);
        var errors = new List<ICtiMessage>();
        foreach (var (_, agentId, target) in targets)
            // Re-read when the change is made: a queue outside the scope stays as it is stored then.
            if (await desk.ChangeQueuesAsync(command, agentId, now => KeepOutsideScope(scope, now, target)) is { } error) errors.Add(error);
        return new MembershipReply(errors);
    }

    private static List<QueueMembership> MembershipOf(string command, ConfigSnapshot config, Scope scope, JArray items)
    {
        var membership = new List<QueueMembership>();
        foreach (var item in items.Cast<JObject>())
        {
            if (item["queueId"] is not { Type: JTokenType.Integer } q || item["penalty"] is not { Type: JTokenType.Integer } p)
                throw new Refused(CtiErrors.InvalidArgument, $"{command}: each membership entry needs an integer queueId and penalty, not {item.ToString(Newtonsoft.Json.Formatting.None)}");
            var penalty = PenaltyValue(command, "penalty", p);
            membership.Add(new QueueMembership(QueueOf(command, config, scope, Whole(q)), penalty));
        }
        if (membership.GroupBy(m => m.QueueId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new Refused(CtiErrors.InvalidArgument, $"{command}: queue {twice.Key} is listed more than once");
        return membership;
    }

    // ---- checks: each refusal names the value ----

    /// <summary>A change from <paramref name="before"/> to <paramref name="after"/> that adds, removes or re-weights a queue outside the scope is refused.</summary>
    private static void RefuseOutsideScope(string command, Scope scope, string what, IReadOnlyList<QueueMembership> before, IReadOnlyList<QueueMembership> after)
    {
        var touched = before.Except(after).Concat(after.Except(before)).Select(m => m.QueueId).Where(q => !scope.SeesQueue(q)).Distinct().Order().ToList();
        if (touched.Count > 0)
            throw new Refused(CtiErrors.NotAuthorized, $"{command}: {what} would change in queue {string.Join(", ", touched)}, not in {scope.Login}'s profile; nothing changed");
    }

    /// <summary><paramref name="target"/> within the scope, and the queues outside it as <paramref name="now"/> has them.</summary>
    private static IReadOnlyList<QueueMembership> KeepOutsideScope(Scope scope, IReadOnlyList<QueueMembership> now, IReadOnlyList<QueueMembership> target)
        => target.Where(m => scope.SeesQueue(m.QueueId)).Concat(now.Where(m => !scope.SeesQueue(m.QueueId))).ToList();

    private static Agent AgentOf(string command, ConfigSnapshot config, Scope scope, int id)
    {
        var agent = config.Agents.FirstOrDefault(a => a.Id == id) ?? throw new Refused(MembershipErrors.UnknownAgent, $"{command}: no agent {id}");
        if (!scope.SeesGroup(agent.GroupId)) throw new Refused(CtiErrors.NotAuthorized, $"{command}: agent {id} is not in a group of {scope.Login}'s profile");
        return agent;
    }

    private static int QueueOf(string command, ConfigSnapshot config, Scope scope, int id)
    {
        if (config.Queues.All(q => q.Id != id)) throw new Refused(MembershipErrors.UnknownQueue, $"{command}: no queue {id}");
        if (!scope.SeesQueue(id)) throw new Refused(CtiErrors.NotAuthorized, $"{command}: queue {id} is not in {scope.Login}'s profile");
        return id;
    }

    private static int GroupOf(string command, ConfigSnapshot config, Scope scope, int id)
    {
        if (config.AgentGroups.All(g => g.Id != id)) throw new Refused(MembershipErrors.UnknownGroup, $"{command}: no agent group {id}");
        if (!scope.SeesGroup(id)) throw new Refused(CtiErrors.NotAuthorized, $"{command}: group {id} is not in {scope.Login}'s profile");
        return id;
    }

    /// <summary>A user the requester may act on: Admin any; Supervisor a user whose agent is in his groups; NoRight himself.</summary>
    private static User UserOf(string command, ConfigSnapshot config, Scope scope, int id)
    {
        var user = config.Users.FirstOrDefault(u => u.Id == id) ?? throw new Refused(MembershipErrors.UnknownUser, $"{command}: no user {id}");
        var agentGroup = user.AgentId is { } a ? config.Agents.FirstOrDefault(x => x.Id == a)?.GroupId : null;
        if (!scope.SeesUser(user, agentGroup)) throw new Refused(CtiErrors.NotAuthorized, $"{command}: user {id} is not one {scope.Login} may act on");
        return user;
    }

    private static int Penalty(string command, JObject frame, string name) => PenaltyValue(command, name, frame[name]!);

    private static int PenaltyValue(string command, string name, JToken token) =>
        Whole(token) is >= 0 and <= 99 and var p ? p : throw new Refused(CtiErrors.InvalidArgument, $"{command}: {name} must be 0 to 99, not {token}");

    private static int Int(JObject frame, string name) => Whole(frame[name]!);

    private static List<int> Ints(JObject frame, string name) => ((JArray)frame[name]!).Select(Whole).ToList();

    /// <summary>A JSON integer; one beyond the int range is no object's id (and no penalty): -1.</summary>
    private static int Whole(JToken token) => token is JValue { Value: long l } && l is >= int.MinValue and <= int.MaxValue ? (int)l : -1;

    private sealed class Refused(string code, string message) : Exception(message)
    {
        public CtiError Error { get; } = new(code, message);
    }
}

/// <summary>What a membership command leaves for the asking session: answers and errors, and for a list the queues it may follow.</summary>
public sealed record MembershipReply(IReadOnlyList<ICtiMessage> Messages)
{
    /// <summary>Set by <c>getList queuemember</c>: from now on the session pushes QueueMember changes.</summary>
    public bool Listed { get; init; }

    /// <summary>Whose changes it pushes (<see cref="Scope.SeesMember"/>); set with <see cref="Listed"/>.</summary>
    internal Scope? Scope { get; init; }
}

public static class MembershipErrors
{
    public const string UnknownAgent = "UnknownAgent";
    public const string UnknownQueue = "UnknownQueue";
    public const string UnknownGroup = "UnknownAgentGroup";
    public const string UnknownUser = "UnknownUser";
    public const string NotAMember = "NotAMember";
}
