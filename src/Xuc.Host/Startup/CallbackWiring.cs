using Akka.Hosting;
using Xuc.Actors.Callbacks;
using Xuc.Actors.Configuration;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>Registers the node's <see cref="CallbackService"/> (the configuration store's database) for the sessions and the callback feed.</summary>
public static class CallbackWiring
{
    public static CallbackStore Store(XucSettings settings, TimeProvider clock) =>
        new(new ConfigStoreOptions { Provider = settings.IsPostgres ? "postgres" : "sqlite", ConnectionString = settings.EffectiveConnectionString }, clock);

    public static AkkaConfigurationBuilder WithCallbacks(this AkkaConfigurationBuilder builder, CallbackStore store, ConfigStore config, CallbackSettings settings)
    {
        var service = new CallbackService(store, config, settings);
        return builder.AddStartup((system, _) =>
        {
            Xuc.Actors.Services.NodeServices.For(system).Register(service);
            service.Feed = system.ActorOf(Xuc.Actors.Sessions.Callbacks.CallbackFeedActor.PropsFor(service), "callback-feed");
        });
    }
}
