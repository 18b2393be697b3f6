namespace Xuc.Actors.Messages.Events;

/// <summary>
/// Published on <see cref="PubSub.Topics.Config"/> after a committed change in the configuration store,
/// so the actors and sessions that hold the object refresh it (QueueConfig / AgentConfig / QueueMember to clients).
/// </summary>
public sealed record ConfigChanged(string Kind, string Id, string Operation);
