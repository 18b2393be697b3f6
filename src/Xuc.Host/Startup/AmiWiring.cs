using Akka.Cluster.Hosting;
using Akka.Hosting;
using Xuc.Actors.Ami;
using Xuc.Actors.Routing;
using Xuc.Ami.Client;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>The AMI connection as a cluster singleton (one per PBX), with a proxy on every node.</summary>
public static class AmiWiring
{
    public static AkkaConfigurationBuilder WithAmiConnection(this AkkaConfigurationBuilder builder, AmiSettings ami)
    {
        var options = new AmiClientOptions
        {
            Host = ami.Host,
            Port = ami.Port,
            Username = ami.Username,
            Secret = ami.Secret,
            Auth = ami.UseMd5 ? AmiAuthMode.Md5 : AmiAuthMode.Plain,
            PingInterval = ami.PingInterval,
            PingTimeout = ami.PingTimeout,
            ReconnectMax = ami.ReconnectMax,
            ActionTimeout = ami.ActionTimeout,
        };
        return builder.WithSingleton<AmiConnectionProxy>("ami-connection",
            (_, registry, _) => AmiConnectionActor.PropsFor(options,
                registry.Get<LineRegion>(), registry.Get<AgentRegion>(), registry.Get<QueueRegion>()),
            new ClusterSingletonOptions { Role = AkkaWiring.Role },
            createProxyToo: true);
    }
}
