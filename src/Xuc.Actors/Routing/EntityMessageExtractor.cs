using Akka.Cluster.Sharding;

namespace Xuc.Actors.Routing;

/// <summary>
/// Routes messages to sharded Line / Agent / Queue entities by the key they carry.
/// One extractor type serves the three regions; each knows which key interface it reads.
/// </summary>
public sealed class EntityMessageExtractor<TKeyed> : HashCodeMessageExtractor
{
    private readonly Func<TKeyed, string> _key;

    public EntityMessageExtractor(Func<TKeyed, string> key, int maxShards = 100) : base(maxShards) => _key = key;

    public override string? EntityId(object message) => message switch
    {
        TKeyed keyed => _key(keyed),
        _ => null,
    };
}

public static class EntityMessageExtractors
{
    public static EntityMessageExtractor<IWithLineId> Line() => new(m => m.LineId);
    public static EntityMessageExtractor<IWithAgentId> Agent() => new(m => m.AgentId);
    public static EntityMessageExtractor<IWithQueueId> Queue() => new(m => m.QueueId);
}
