using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions.Rights;

/// <summary>
/// What a session's profile may see (PROTOCOL.md §3, reference "Security considerations"): Admin
/// everything (no profile reads as NoRight, docs/security.md); a Supervisor the queues and agent groups of his profile, and his own agent; NoRight his own agent, its
/// group and the queues it is configured in. One rule for every list, feed and one-shot answer (docs/cti-websocket.md,
/// "Lists and agent events").
/// </summary>
public sealed record Visibility(ProfileKind Profile, IReadOnlySet<int> Queues, IReadOnlySet<int> Groups, int? OwnAgent)
{
    private static readonly IReadOnlySet<int> None = new HashSet<int>();

    public static readonly Visibility Everything = new(ProfileKind.Admin, None, None, null);

    public static Visibility Of(SessionUser user) => new(user.Profile, user.SupervisedQueues.ToHashSet(), user.SupervisedGroups.ToHashSet(), user.User.AgentId);

    public bool SeesEverything => Profile == ProfileKind.Admin;

    /// <param name="ownAgent">The configuration of <see cref="OwnAgent"/> (what a NoRight user's queues and group come from).</param>
    public bool SeesQueue(int queueId, Agent? ownAgent) => Profile switch
    {
        ProfileKind.Admin => true,
        ProfileKind.Supervisor => Queues.Contains(queueId),
        _ => ownAgent is not null && ownAgent.Id == OwnAgent && ownAgent.DefaultQueues.Any(m => m.QueueId == queueId),
    };

    public bool SeesAgent(int agentId, int groupId) =>
        Profile == ProfileKind.Admin || agentId == OwnAgent || Profile == ProfileKind.Supervisor && Groups.Contains(groupId);

    public bool SeesAgent(Agent agent) => SeesAgent(agent.Id, agent.GroupId);

    /// <param name="agentId">An agent entity's key.</param>
    /// <param name="groupId">His configured group; null for an agent the configuration does not have (Admin only).</param>
    public bool SeesAgent(string agentId, int? groupId) => SeesEverything
        || (groupId is { } g && int.TryParse(agentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && SeesAgent(id, g));

    public bool SeesGroup(int groupId, Agent? ownAgent) => Profile switch
    {
        ProfileKind.Admin => true,
        ProfileKind.Supervisor => Groups.Contains(groupId),
        _ => ownAgent is not null && ownAgent.Id == OwnAgent && ownAgent.GroupId == groupId,
    };

    /// <summary>The queues and groups through this node's copy of the configuration (for a NoRight user's own agent).</summary>
    public bool SeesQueue(int queueId, EntityConfigDirectory directory) => SeesEverything || SeesQueue(queueId, OwnAgentIn(directory));

    public Agent? OwnAgentIn(EntityConfigDirectory directory) =>
        OwnAgent is { } id ? directory.Agent(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
}
