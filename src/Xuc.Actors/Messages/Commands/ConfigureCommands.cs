using Xuc.Actors.Routing;
using AgentConfig = Xuc.Actors.Configuration.Model.Agent;
using LineConfig = Xuc.Actors.Configuration.Model.Line;
using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Actors.Messages.Commands;

/// <summary>Gives a line entity (keyed by its device, e.g. <c>PJSIP/1001</c>) its configuration; null: no longer configured.</summary>
public sealed record ConfigureLine(string LineId, LineConfig? Config) : IWithLineId;

/// <summary>Gives a queue entity (keyed by its Asterisk name) its configuration; null: no longer configured.</summary>
public sealed record ConfigureQueue(string QueueId, QueueConfig? Config) : IWithQueueId;

/// <summary>Gives an agent entity (keyed by the agent id) its configuration; null: no longer configured.</summary>
public sealed record ConfigureAgent(string AgentId, AgentConfig? Config) : IWithAgentId;
