using Akka.Actor;
using Xuc.Actors.Configuration;

namespace Xuc.Actors.Callbacks;

/// <summary>
/// What the callbacks need on a node: their store, the configuration (queues, agents, lines) and the settings.
/// Registered in the node's <see cref="Services.NodeServices"/> at start-up (<c>CallbackWiring</c>), as the call history is;
/// a node without one answers the callback commands with an Error.
/// </summary>
public sealed class CallbackService(CallbackStore store, ConfigStore config, CallbackSettings settings)
{
    public CallbackStore Store { get; } = store;
    public ConfigStore Config { get; } = config;
    public CallbackSettings Settings { get; } = settings;

    /// <summary>The node's callback feed (<c>/user/callback-feed</c>), once started.</summary>
    public IActorRef Feed { get; set; } = ActorRefs.Nobody;
}

/// <summary>
/// <c>xuc.callbacks</c>: <see cref="ReleaseAfter"/> how long a taken request stays with an agent none of whose
/// sessions is open any more (his logout releases at once); <see cref="OverdueCheck"/> how often each node looks for
/// requests whose time has come.
/// </summary>
public sealed record CallbackSettings(TimeSpan ReleaseAfter, TimeSpan OverdueCheck)
{
    public static readonly CallbackSettings Default = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30));

    public static CallbackSettings From(Akka.Configuration.Config hocon)
    {
        var release = hocon.GetTimeSpan("xuc.callbacks.release-after", Default.ReleaseAfter, allowInfinite: false);
        var overdue = hocon.GetTimeSpan("xuc.callbacks.overdue-check", Default.OverdueCheck, allowInfinite: false);
        if (release < TimeSpan.Zero) throw new InvalidOperationException($"xuc.callbacks.release-after (XUC_CALLBACK_RELEASE_AFTER) must not be negative, not {release}");
        if (overdue < TimeSpan.FromSeconds(1)) throw new InvalidOperationException($"xuc.callbacks.overdue-check (XUC_CALLBACK_OVERDUE_CHECK) must be at least 1s, not {overdue}");
        return new(release, overdue);
    }
}
