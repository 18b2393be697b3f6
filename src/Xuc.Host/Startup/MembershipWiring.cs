using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Akka.Hosting;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Configuration;
using Xuc.Actors.Pbx;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions.Membership;

namespace Xuc.Host.Startup;

/// <summary>
/// Queue membership (docs/cti-websocket.md, "Membership"): the node's <see cref="MembershipDesk"/> for its sessions,
/// and every committed change of agents' configured queues (a command, the admin API, an import), published from the
/// node that wrote it as <see cref="QueueMembersChanged"/> for the sessions of every node that listed them.
/// </summary>
public static class MembershipWiring
{
    public static AkkaConfigurationBuilder WithMembership(this AkkaConfigurationBuilder builder, ConfigStore store, EntityConfigDirectory directory)
        => builder.AddStartup((system, registry) =>
        {
            var desk = new MembershipDesk(store, new PbxGateway(registry.Get<AmiConnectionProxy>()), registry.Get<AgentRegion>(), directory);
            Xuc.Actors.Services.NodeServices.For(system).Register(desk);
            var mediator = DistributedPubSub.Get(system).Mediator;
            var log = Logging.GetLogger(system, typeof(MembershipWiring));
            store.Changed += change =>
            {
                if (QueueMembersChanged.Of(change) is not { Count: > 0 } members) return;
                mediator.Tell(new Publish(Topics.QueueMembers, new QueueMembersChanged(members)), ActorRefs.NoSender);
                if (change.Origin == ConfigChange.CtiOrigin) return;
                foreach (var (before, after) in AgentsWhoseQueuesChanged(change))
                    _ = desk.FollowAdministratorAsync(before, after).ContinueWith(t => { if (t.Result is { } problem) log.Warning(problem); }, TaskScheduler.Default);
            };
        });

    private static IEnumerable<(Agent Before, Agent After)> AgentsWhoseQueuesChanged(ConfigChange change)
    {
        var pairs = change switch
        {
            { Op: ChangeOp.Reloaded, Value: ConfigSnapshot next, Previous: ConfigSnapshot current } =>
                next.Agents.Join(current.Agents, a => a.Id, a => a.Id, (after, before) => (before, after)).ToList(),
            { Value: Agent after, Previous: Agent before } => [(before, after)],
            _ => [],
        };
        return pairs.Where(p => !p.before.DefaultQueues.SequenceEqual(p.after.DefaultQueues));
    }
}
