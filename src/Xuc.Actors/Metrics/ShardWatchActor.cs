using Akka.Actor;
using Akka.Cluster.Sharding;

namespace Xuc.Actors.Metrics;

/// <summary>
/// One per node: every few seconds asks this node's shard regions which shards and entities they host, sets the
/// <c>xuc_sharding_shards</c> / <c>xuc_sharding_entities</c> gauges, and counts the shards that arrived or left since
/// the last look (<c>xuc_sharding_shard_moves_total</c>): rebalances and hand-offs, otherwise visible only at DEBUG.
/// </summary>
public sealed class ShardWatchActor : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, HashSet<string>> _seen = [];

    public ITimerScheduler Timers { get; set; } = null!;

    public ShardWatchActor(XucMetrics metrics, IReadOnlyDictionary<string, IActorRef> regions)
    {
        Receive<Look>(_ =>
        {
            foreach (var (type, region) in regions)
                region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, Interval)
                    .PipeTo(Self, success: s => new Seen(type, s), failure: _ => new Seen(type, null));
        });
        Receive<Seen>(s =>
        {
            if (s.State is null) return;
            var now = s.State.Shards.Select(x => x.ShardId).ToHashSet();
            metrics.Shards.WithLabels(s.Type).Set(now.Count);
            metrics.Entities.WithLabels(s.Type).Set(s.State.Shards.Sum(x => x.EntityIds.Count));
            if (_seen.TryGetValue(s.Type, out var before))
            {
                var arrived = now.Count(id => !before.Contains(id));
                var left = before.Count(id => !now.Contains(id));
                if (arrived > 0) metrics.ShardMoves.WithLabels(s.Type, "in").Inc(arrived);
                if (left > 0) metrics.ShardMoves.WithLabels(s.Type, "out").Inc(left);
            }
            _seen[s.Type] = now;
        });
    }

    protected override void PreStart() => Timers.StartPeriodicTimer("look", Look.Instance, TimeSpan.Zero, Interval);

    public static Props PropsFor(XucMetrics metrics, IReadOnlyDictionary<string, IActorRef> regions) => Props.Create(() => new ShardWatchActor(metrics, regions));

    private sealed class Look { public static readonly Look Instance = new(); }
    private sealed record Seen(string Type, CurrentShardRegionState? State);
}
