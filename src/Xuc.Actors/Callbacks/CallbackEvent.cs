using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Sessions.Callbacks;

namespace Xuc.Actors.Callbacks;

/// <summary>
/// A change of a callback request, published cluster-wide on <see cref="Topic"/> by whoever made it (a session's
/// command, the admin API, the release of a departed agent); each node's callback feed hands it to the sessions that
/// see the list. <see cref="Request"/> is the request as it now is.
/// </summary>
public sealed record CallbackEvent(string Kind, string ListUuid, RequestView Request, int? AgentId = null, string? TicketUuid = null) : IEntityPublication
{
    public const string Topic = "callbacks";

    /// <summary>The path of the session whose command caused it (it has its answer already), or null.</summary>
    public string? Origin { get; init; }

    public const string Taken = "Taken";
    public const string Released = "Released";
    public const string Started = "Started";
    public const string Clotured = "Clotured";
    public const string Updated = "Updated";

    public static void Publish(ActorSystem system, CallbackEvent e) => DistributedPubSub.Get(system).Mediator.Tell(new Publish(Topic, e));
}
