using System.Runtime.CompilerServices;
using Akka.Actor;
using Xuc.Actors.Configuration;

namespace Xuc.Actors.History;

/// <summary>
/// What the call history needs on a node: the store, the configuration (queue names, for the queue-name match),
/// the settings and the clock. Registered on the ActorSystem at start-up (<c>CallHistoryWiring</c>); the AMI
/// singleton starts its recorder from it and every session reads through it. A system without one has no history.
/// </summary>
public sealed class CallHistoryService(CallHistoryStore store, ConfigStore config, CallHistorySettings settings, TimeProvider clock)
{
    private static readonly ConditionalWeakTable<ActorSystem, CallHistoryService> Services = new();

    public CallHistoryStore Store { get; } = store;
    public ConfigStore Config { get; } = config;
    public CallHistorySettings Settings { get; } = settings;
    public TimeProvider Clock { get; } = clock;

    public static void Register(ActorSystem system, CallHistoryService service) => Services.AddOrUpdate(system, service);

    public static CallHistoryService? Of(ActorSystem system) => Services.TryGetValue(system, out var s) ? s : null;
}
