namespace Xuc.Actors.Messages.Events;

/// <summary>
/// What the PBX listed on (re)connection: CoreShowChannels items and QueueStatus items; null when that list could not
/// be had (then nothing is dropped on its account).
/// </summary>
public sealed record ResyncSnapshot(IReadOnlyList<AmiEventData>? Channels, IReadOnlyList<AmiEventData>? QueueStatus);
