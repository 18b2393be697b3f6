using Akka.Actor;
using Akka.Hosting;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Agents;

/// <summary><c>subscribeToAgentStats</c>, handed to the node's <see cref="AgentStatsFeedActor"/> (frames come back as <see cref="FeedFrame"/>s).</summary>
public static class AgentStatsCommands
{
    public const string SubscribeToAgentStats = "subscribeToAgentStats";

    public static void Handle(SessionUser user, IActorRef session, IActorContext context, Action<ICtiMessage> push)
    {
        if (!ActorRegistry.For(context.System).TryGet<AgentStatsFeedActor>(out var feed))
        {
            push(new CtiError(CtiErrors.NotImplemented, $"{SubscribeToAgentStats}: no agent statistics on this node"));
            return;
        }
        feed.Tell(new SubscribeAgentStats(session, Rights.Visibility.Of(user)));
    }
}
