namespace Xuc.Actors.Statistics;

// What a queue's statistics aggregator persists: one fact per call step that counts, each with the time it happened.

/// <summary>A fact of a queue's day, in the aggregator's journal.</summary>
public interface IQueueCallFact : Persistence.IPersisted
{
    string UniqueId { get; }
    DateTimeOffset At { get; }
}

/// <summary>A caller joined the queue (QueueCallerJoin, or a QueueEntry of a caller the aggregator had not seen join).</summary>
public sealed record QueueCallEntered(string UniqueId, DateTimeOffset At) : IQueueCallFact;

/// <summary>A member answered the caller after <see cref="HoldSeconds"/> of waiting (AgentConnect's HoldTime).</summary>
public sealed record QueueCallAnswered(string UniqueId, DateTimeOffset At, int HoldSeconds) : IQueueCallFact;

/// <summary>The caller hung up while waiting, after <see cref="HoldSeconds"/> (QueueCallerAbandon's HoldTime).</summary>
public sealed record QueueCallAbandoned(string UniqueId, DateTimeOffset At, int HoldSeconds) : IQueueCallFact;

/// <summary>The caller stopped waiting without an answer or an abandon of its own (timeout, leave-empty, gone while the link was down).</summary>
public sealed record QueueCallLeft(string UniqueId, DateTimeOffset At) : IQueueCallFact;
