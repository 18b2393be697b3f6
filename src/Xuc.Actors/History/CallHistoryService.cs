using Xuc.Actors.Configuration;

namespace Xuc.Actors.History;

/// <summary>
/// What the call history needs on a node: the store, the configuration (queue names, for the queue-name match),
/// the settings and the clock. Registered in the node's <see cref="Services.NodeServices"/> at start-up (<c>CallHistoryWiring</c>); the AMI
/// singleton starts its recorder from it and every session reads through it. A system without one has no history.
/// </summary>
public sealed class CallHistoryService(CallHistoryStore store, ConfigStore config, CallHistorySettings settings, TimeProvider clock)
{
    public CallHistoryStore Store { get; } = store;
    public ConfigStore Config { get; } = config;
    public CallHistorySettings Settings { get; } = settings;
    public TimeProvider Clock { get; } = clock;
}
