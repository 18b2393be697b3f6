namespace Xuc.Actors.Routing;

/// <summary>A message for one line entity, keyed by the line's device (e.g. <c>PJSIP/1001</c>).</summary>
public interface IWithLineId { string LineId { get; } }

/// <summary>A message for one agent entity, keyed by the agent id.</summary>
public interface IWithAgentId { string AgentId { get; } }

/// <summary>A message for one queue entity, keyed by the queue name as Asterisk knows it.</summary>
public interface IWithQueueId { string QueueId { get; } }
