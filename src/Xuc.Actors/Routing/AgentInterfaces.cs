using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;

namespace Xuc.Actors.Routing;

/// <summary>
/// Which agent is logged on which interface (<c>PJSIP/1005</c> → agent <c>1</c>), replicated to every node with
/// Akka.DistributedData. Agent entities write it when they log in or out (and again when they recover logged in);
/// the AMI router reads it, so a router that starts on another node — the AMI singleton moving — knows the agents
/// logged in before it started. (The <c>agent-logins</c> topic still carries each change at once.)
/// </summary>
public static class AgentInterfaces
{
    public static readonly LWWDictionaryKey<string, string> Key = new("agent-interfaces");

    private static readonly IWriteConsistency Write = new WriteMajority(TimeSpan.FromSeconds(3));

    /// <summary>Registers the agent on the interface; the replicator answers the caller, carrying <paramref name="request"/>.</summary>
    public static void Set(IActorContext context, string @interface, string agentId, object? request = null) =>
        Replicator(context).Tell(Dsl.Update(Key, LWWDictionary<string, string>.Empty, Write, request,
            d => d.SetItem(Akka.Cluster.Cluster.Get(context.System), @interface, agentId)), context.Self);

    /// <summary>Forgets the interface, unless another agent has logged on it since.</summary>
    public static void Remove(IActorContext context, string @interface, string agentId, object? request = null) =>
        Replicator(context).Tell(Dsl.Update(Key, LWWDictionary<string, string>.Empty, Write, request,
            d => d.TryGetValue(@interface, out var holder) && holder == agentId
                ? d.Remove(Akka.Cluster.Cluster.Get(context.System), @interface)
                : d), context.Self);

    /// <summary>This node's replica now (answered with GetSuccess, or NotFound while nobody ever logged in).</summary>
    public static void Read(IActorContext context) => Replicator(context).Tell(Dsl.Get(Key, ReadLocal.Instance), context.Self);

    /// <summary>The agent this node's replica has on the interface, or null (outside an actor: the agents' requests).</summary>
    public static async Task<string?> HolderAsync(ActorSystem system, string @interface, TimeSpan timeout)
    {
        var answer = await DistributedData.Get(system).Replicator.Ask<IGetResponse>(Dsl.Get(Key, ReadLocal.Instance), timeout);
        return answer is GetSuccess ok && ok.Get(Key).TryGetValue(@interface, out var agentId) ? agentId : null;
    }

    /// <summary><see cref="Set"/> awaited outside an actor: true once a majority of nodes has it (else it spreads by gossip).</summary>
    public static async Task<bool> SetAsync(ActorSystem system, string @interface, string agentId, TimeSpan timeout)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var answer = await DistributedData.Get(system).Replicator.Ask<IUpdateResponse>(
            Dsl.Update(Key, LWWDictionary<string, string>.Empty, Write, d => d.SetItem(cluster, @interface, agentId)), timeout);
        return answer.IsSuccessful;
    }

    /// <summary><see cref="Remove"/> awaited outside an actor.</summary>
    public static async Task RemoveAsync(ActorSystem system, string @interface, string agentId, TimeSpan timeout)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        await DistributedData.Get(system).Replicator.Ask<IUpdateResponse>(
            Dsl.Update(Key, LWWDictionary<string, string>.Empty, Write,
                d => d.TryGetValue(@interface, out var holder) && holder == agentId ? d.Remove(cluster, @interface) : d), timeout);
    }

    public static void Subscribe(IActorContext context) => Replicator(context).Tell(Dsl.Subscribe(Key, context.Self));

    private static IActorRef Replicator(IActorContext context) => DistributedData.Get(context.System).Replicator;
}
