using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.History;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>
/// Registers the node's <see cref="CallHistoryService"/> (the configuration store's database) before the AMI
/// singleton starts: the singleton's recorder writes through it, every session reads through it.
/// </summary>
public static class CallHistoryWiring
{
    public static AkkaConfigurationBuilder WithCallHistory(this AkkaConfigurationBuilder builder, XucSettings settings, ConfigStore config, CallHistorySettings history)
    {
        var store = new CallHistoryStore(new ConfigStoreOptions { Provider = settings.IsPostgres ? "postgres" : "sqlite", ConnectionString = settings.EffectiveConnectionString });
        var service = new CallHistoryService(store, config, history, TimeProvider.System);
        return builder.AddStartup((system, _) => Xuc.Actors.Services.NodeServices.For(system).Register(service));
    }
}
