using Akka.Cluster.Hosting;
using Akka.Hosting;
using Xuc.Actors.Ami;
using Xuc.Actors.Routing;
using Xuc.Ami.Client;
using Xuc.Ami.Recording;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>The AMI connection as a cluster singleton (one per PBX), with a proxy on every node.</summary>
public static class AmiWiring
{
    /// <summary>The <c>XUC_AMI_RECORD</c> recorder, or null when the setting is empty; one clear line when the file cannot be written.</summary>
    public static AmiRecorder? OpenRecorder(AmiSettings ami)
    {
        if (string.IsNullOrWhiteSpace(ami.RecordFile)) return null;
        try
        {
            return new AmiRecorder(ami.RecordFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SettingError("XUC_AMI_RECORD", "xuc.ami.record", ami.RecordFile, "cannot write this file: " + e.Message);
        }
    }

    public static AkkaConfigurationBuilder WithAmiConnection(this AkkaConfigurationBuilder builder, AmiSettings ami, IAmiStreamTap? tap = null)
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
            Tap = tap,
        };
        return builder.WithSingleton<AmiConnectionProxy>("ami-connection",
            (_, registry, _) => AmiConnectionActor.PropsFor(options,
                registry.Get<LineRegion>(), registry.Get<AgentRegion>(), registry.Get<QueueRegion>()),
            new ClusterSingletonOptions { Role = AkkaWiring.Role },
            createProxyToo: true);
    }
}
