using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Events;

/// <summary>An AMI event the router addressed to a line (by device).</summary>
public sealed record LineAmiEvent(string LineId, AmiEventData Event) : IWithLineId;

/// <summary>An AMI event the router addressed to an agent (through the member interface the agent is logged on).</summary>
public sealed record AgentAmiEvent(string AgentId, AmiEventData Event) : IWithAgentId;

/// <summary>An AMI event the router addressed to a queue (by queue name).</summary>
public sealed record QueueAmiEvent(string QueueId, AmiEventData Event) : IWithQueueId;
