namespace Xuc.Actors.Routing;

/// <summary>Marker types under which the shard regions and singletons are kept in the Akka.Hosting registry.</summary>
public sealed class LineRegion;
public sealed class AgentRegion;
public sealed class QueueRegion;
public sealed class AmiConnectionProxy;
