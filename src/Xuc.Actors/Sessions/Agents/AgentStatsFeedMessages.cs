using Akka.Actor;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Agents;

// Between a session and its node's agent statistics feed (node-local, never across nodes).

/// <summary>
/// Whose statistics a session may see (PROTOCOL.md §3): every agent (<see cref="Groups"/> null: Admin, or no profile),
/// else his own agent and the agents of the listed groups (a Supervisor's profile; none for NoRight).
/// </summary>
public sealed record AgentStatsViewer(string? OwnAgent, IReadOnlySet<int>? Groups)
{
    public static AgentStatsViewer Of(SessionUser user) => new(
        user.User.AgentId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        user.Profile switch
        {
            ProfileKind.Admin => null,
            ProfileKind.Supervisor => user.SupervisedGroups.ToHashSet(),
            _ => new HashSet<int>(),
        });

    /// <param name="groupId">The agent's configured group; null for an agent the configuration does not have (Admin only).</param>
    public bool MaySee(string agentId, int? groupId) => Groups is null || agentId == OwnAgent || (groupId is { } g && Groups.Contains(g));
}

/// <summary><c>subscribeToAgentStats</c>: the statistics of every agent the session may see now, then those that change.</summary>
public sealed record SubscribeAgentStats(IActorRef Session, AgentStatsViewer Viewer);

/// <summary>A frame for the session to push as it is (encoded once for all the node's sessions that get it).</summary>
public sealed record AgentStatsFrame(ICtiMessage Message);
