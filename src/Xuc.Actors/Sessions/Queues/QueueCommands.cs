using Akka.Actor;
using Akka.Hosting;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Queues;

/// <summary>A session's queue commands, handed to its node's <see cref="QueueFeedsActor"/> (the answers come back as <see cref="FeedFrame"/>s).</summary>
public static class QueueCommands
{
    public const string SubscribeToQueueStats = "subscribeToQueueStats";
    public const string SubscribeToQueueCalls = "subscribeToQueueCalls";
    public const string UnSubscribeToQueueCalls = "unSubscribeToQueueCalls";
    public const string GetQueueStatistics = "getQueueStatistics";

    public static bool Handles(string command) => command is SubscribeToQueueStats or SubscribeToQueueCalls or UnSubscribeToQueueCalls or GetQueueStatistics;

    /// <summary>The arguments were checked by <see cref="CommandCatalog"/> (whole numbers where numbers are read).</summary>
    /// <param name="sink">The session's outbox, into which the statistics feed writes its frames directly.</param>
    public static void Handle(string command, JObject frame, SessionUser user, IActorRef session, ISessionSink sink, IActorContext context, Action<ICtiMessage> push)
    {
        if (!ActorRegistry.For(context.System).TryGet<QueueFeedsActor>(out var feeds))
        {
            push(new CtiError(CtiErrors.NotImplemented, $"{command}: no queue feeds on this node"));
            return;
        }
        var visibility = Rights.Visibility.Of(user);
        feeds.Tell(command switch
        {
            SubscribeToQueueStats => new SubscribeQueueStats(session, visibility, sink),
            SubscribeToQueueCalls => new SubscribeQueueCalls(session, QueueId(frame), visibility),
            UnSubscribeToQueueCalls => new UnsubscribeQueueCalls(session, QueueId(frame)),
            _ => new AskQueueStatistics(session, QueueId(frame), Whole(frame["window"]) ?? 0, Whole(frame["xqos"]), visibility),
        });
    }

    /// <remarks>An id beyond the int range is no queue's: -1.</remarks>
    private static int QueueId(JObject frame) => Whole(frame["queueId"]) is >= int.MinValue and <= int.MaxValue and var id ? (int)id : -1;

    /// <summary>A JSON integer; one beyond the long range reads as the nearest end of it (too large either way).</summary>
    private static long? Whole(JToken? token) => token is JValue { Type: JTokenType.Integer } v
        ? v.Value is long l ? l : v.Value is System.Numerics.BigInteger b ? (b.Sign < 0 ? long.MinValue : long.MaxValue) : Convert.ToInt64(v.Value)
        : null;
}
