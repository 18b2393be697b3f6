namespace Xuc.Actors.Messages.Events;

/// <summary>
/// What an entity publishes for others (sessions, aggregators), on its own topic (<see cref="PubSub.Topics"/>) or
/// in answer to a state query. Bound to Akka's JSON serializer in the wiring. Shaped snapshot-then-delta: a
/// subscriber subscribes to the entity's topic, then asks for the snapshot (<see cref="IEntitySnapshot"/>), then
/// applies only the deltas (<see cref="IEntityDelta"/>) that follow it (<see cref="PubSub.SnapshotThenDeltas{T}"/>).
/// </summary>
public interface IEntityPublication;

/// <summary>
/// An entity's whole current state. <see cref="Seq"/> is the sequence number of the last delta it includes.
/// An entity starts numbering at its start time in ticks, so a restarted entity's deltas never look stale.
/// </summary>
public interface IEntitySnapshot : IEntityPublication
{
    long Seq { get; }
}

/// <summary>One change, numbered: a subscriber that sees a number other than the next one has missed something and asks for the snapshot again.</summary>
public interface IEntityDelta : IEntityPublication
{
    long Seq { get; }
}
