using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.DistributedData;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Persistence;
using Xuc.Actors.Routing;
using Xuc.Actors.Statistics;

namespace Xuc.Host.Startup;

/// <summary>
/// The whole ActorSystem in one place: cluster (own seed by default), DistributedPubSub,
/// the Line / Agent / Queue shard regions, persistence on the configured database,
/// and the AMI connection as a cluster singleton.
/// </summary>
public static class AkkaWiring
{
    public const string SystemName = "xuc";
    public const string Role = "xuc";

    /// <summary>
    /// What entities publish for others (<see cref="IEntityPublication"/>: snapshots and deltas) and the requests
    /// to the PBX cross nodes through Akka's JSON serializer, bound by their interfaces rather than left to the
    /// fallback, so a later change of serializer is one line here.
    /// What is persisted (<see cref="IPersisted"/>) goes through <see cref="JournalSerializer"/>, under the stable names of
    /// <see cref="JournalContract"/> (docs/architecture.md, "Journal contract").
    /// </summary>
    private static readonly Config PublicationSerialization = ConfigurationFactory.ParseString($@"
akka.actor.serializers.xuc-journal = ""{typeof(JournalSerializer).FullName}, {typeof(JournalSerializer).Assembly.GetName().Name}""
akka.actor.serialization-bindings {{
  ""{typeof(IPersisted).FullName}, {typeof(IPersisted).Assembly.GetName().Name}"" = xuc-journal
  ""{typeof(IEntityPublication).FullName}, {typeof(IEntityPublication).Assembly.GetName().Name}"" = json
  ""{typeof(PbxRequest).FullName}, {typeof(PbxRequest).Assembly.GetName().Name}"" = json
  ""{typeof(PbxResult).FullName}, {typeof(PbxResult).Assembly.GetName().Name}"" = json
}}");

    /// <param name="directory">The configuration entities read when they start; none in actor-level tests.</param>
    /// <param name="stats">The queue statistics settings (<c>xuc.statistics</c>); the defaults when not given.</param>
    /// <param name="agentStats">The agent statistics settings; the defaults when not given.</param>
    /// <param name="clock">The entities' clock (the system's unless a test moves it by hand).</param>
    public static AkkaConfigurationBuilder WithXucEntities(this AkkaConfigurationBuilder builder, Config hocon, string dbProvider, string connectionString,
        EntityConfigDirectory? directory = null, QueueStatsSettings? stats = null, TimeProvider? clock = null, AgentStatsSettings? agentStats = null)
    {
        stats ??= new QueueStatsSettings();
        agentStats ??= new AgentStatsSettings();
        var seeds = ClusterSeeds.Parse(hocon.GetString("akka.cluster.xuc-seed-nodes", ""));
        // No idle passivation: line and queue state lives only in memory (rebuilt from the PBX on a reconnection), so a
        // line holding a quiet call for two minutes (sharding's default) would otherwise be stopped and forget the call.
        var shard = new ShardOptions { Role = Role, StateStoreMode = StateStoreMode.DData, RememberEntities = false, ShouldPassivateIdleEntities = false };

        builder
            .AddHocon(PersistenceHocon.For(dbProvider, connectionString).WithFallback(hocon), HoconAddMode.Prepend)
            .AddHocon(PublicationSerialization, HoconAddMode.Prepend)
            .WithClustering(new ClusterOptions { Roles = [Role], SeedNodes = seeds.Length > 0 ? seeds : null })
            .WithDistributedPubSub(Role)
            .WithShardRegion<LineRegion>("line", id => LineActor.PropsFor(id, directory), EntityMessageExtractors.Line(), shard)
            .WithShardRegion<AgentRegion>("agent", id => AgentActor.PropsFor(id, directory, agentStats, clock), EntityMessageExtractors.Agent(), shard)
            .WithShardRegion<QueueRegion>("queue", id => QueueActor.PropsFor(id, directory, stats, clock), EntityMessageExtractors.Queue(), shard)
            .AddStartup((system, _) =>
            {
                // Every node runs the replicator of the agent-interface registry from the start: a replicator is
                // otherwise started lazily, and writes sent to a node that has none are lost (a majority write
                // then times out).
                DistributedData.Get(system);

                // No seed list: this node is its own seed (the embedded default, and every test node).
                if (seeds.Length == 0)
                {
                    var cluster = Cluster.Get(system);
                    cluster.Join(cluster.SelfAddress);
                }
            });
        return builder;
    }
}
