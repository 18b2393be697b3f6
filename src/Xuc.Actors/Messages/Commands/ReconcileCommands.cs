using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Commands;

/// <summary>After a resync: the channels the PBX still has on this line; any other channel the line holds ended unseen.</summary>
public sealed record ReconcileLine(string LineId, IReadOnlyList<string> AliveUniqueids) : IWithLineId;

/// <summary>After a resync: who still waits in the queue and who is still a member; the rest left unseen.</summary>
public sealed record ReconcileQueue(string QueueId, IReadOnlyList<string> WaitingUniqueids, IReadOnlyList<string> MemberInterfaces) : IWithQueueId;

/// <summary>
/// After a resync: the queues QueueStatus listed the agent in (its QueueMember items were routed to it first); a queue
/// he is recorded in but the PBX no longer lists is left, and with none left he is logged out. The PBX wins.
/// </summary>
public sealed record ReconcileAgent(string AgentId, IReadOnlyList<string> QueuesListed) : IWithAgentId;
