namespace Xuc.Actors.Persistence;

/// <summary>
/// What a journal or snapshot store keeps: the Agent entity's facts and snapshot, the statistics aggregators' facts and
/// snapshots. Bound to <see cref="JournalSerializer"/>, each under its <see cref="JournalContract"/> name, never its CLR name.
/// </summary>
public interface IPersisted;
