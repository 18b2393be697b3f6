using Xuc.Actors.Entities.Queue;
using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Actors.Messages.Events;

/// <summary>A queue's deltas, published on <c>queue:&lt;name&gt;</c> after its <see cref="QueueSnapshot"/>.</summary>
public interface IQueueDelta : IEntityDelta
{
    string QueueId { get; }
}

/// <summary>A caller joined the queue or moved in it.</summary>
public sealed record QueueCallerWaiting(string QueueId, long Seq, WaitingCall Caller) : IQueueDelta;

/// <summary>A caller no longer waits (answered, abandoned, left, or gone while the AMI link was down).</summary>
public sealed record QueueCallerGone(string QueueId, long Seq, string UniqueId) : IQueueDelta;

/// <summary>A member joined the queue or changed (status, pause, penalty, in call).</summary>
public sealed record QueueMemberChanged(string QueueId, long Seq, QueueMemberInfo Member) : IQueueDelta;

/// <summary>A member left the queue.</summary>
public sealed record QueueMemberGone(string QueueId, long Seq, string Interface) : IQueueDelta;

/// <summary>The queue's counters changed.</summary>
public sealed record QueueCountersChanged(string QueueId, long Seq, int Abandoned, int Answered) : IQueueDelta;

/// <summary>The queue's configuration changed; null: no longer configured.</summary>
public sealed record QueueConfigured(string QueueId, long Seq, QueueConfig? Config) : IQueueDelta;
