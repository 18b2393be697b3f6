using Akka.Actor;
using Akka.Cluster;

namespace Xuc.Host.Health;

/// <summary>This node's cluster membership as /health/ready names it: <c>up</c> only while the node is an Up member
/// and no shutdown has begun; <c>joining</c> before (Joining, WeaklyUp: not yet the cluster's); <c>leaving</c> from the
/// first step of a stop (SIGTERM starts the coordinated shutdown, whose first phases leave the cluster) or a leave
/// (Leaving, Exiting, Down).</summary>
public static class ClusterMembership
{
    public const string Up = "up";
    public const string Joining = "joining";
    public const string Leaving = "leaving";

    public static string Of(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        if (cluster.IsTerminated || CoordinatedShutdown.Get(system).ShutdownReason is not null) return Leaving;
        return cluster.SelfMember.Status switch
        {
            MemberStatus.Up => Up,
            // Akka.NET's placeholder for a node that has not joined yet is Removed; a node removed after a leave or a
            // downing has its cluster shut down (caught above) by then.
            MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Removed => Joining,
            _ => Leaving,
        };
    }
}
