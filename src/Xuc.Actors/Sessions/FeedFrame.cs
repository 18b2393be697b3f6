using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions;

/// <summary>
/// A frame a node-local feed or list holder hands a session to push as it is (often a <see cref="PreEncoded"/> shared by
/// every session of the node that gets it).
/// </summary>
public sealed record FeedFrame(ICtiMessage Message);
