using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xuc.Actors.Configuration;
using Xuc.Host.Settings;
using Xuc.Host.Startup;

namespace Xuc.Tests.Support;

/// <summary>Starts the production actor wiring (<see cref="AkkaWiring"/>) on a loopback node with its own seed, for actor-level tests.</summary>
public sealed class ActorHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ActorHost(IHost host) => _host = host;

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();
    public IActorRegistry Registry => _host.Services.GetRequiredService<IActorRegistry>();

    public static async Task<ActorHost> StartAsync(string dbProvider, string connectionString, int port = 0, string? seeds = null, AmiSettings? ami = null,
        EntityConfigDirectory? directory = null, ConfigStore? store = null)
    {
        var hocon = HoconLoader.Load($@"
akka.remote.dot-netty.tcp.port = {port}
akka.cluster.xuc-seed-nodes = ""{seeds ?? ""}""
akka.loglevel = WARNING
akka.coordinated-shutdown.exit-clr = off
akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
akka.cluster.run-coordinated-shutdown-when-down = off
");
        var host = new HostBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddConsole())
            .ConfigureServices(s => s.AddAkka(AkkaWiring.SystemName, b =>
            {
                b.WithXucEntities(hocon, dbProvider, connectionString, directory);
                if (ami is not null) b.WithAmiConnection(ami);
                // The production path of a committed change: this node's directory, the entities, the config topic.
                if (store is not null && directory is not null) b.WithConfigChanges(store, directory);
            }))
            .Build();
        await host.StartAsync();
        return new ActorHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(15));
        _host.Dispose();
    }
}
