using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.UserServices;

namespace Xuc.Actors.Ami;

/// <summary>
/// Voicemail: app_voicemail's <c>MessageWaiting</c> (<c>Mailbox: 1001@default</c>, <c>Waiting</c>, <c>New</c>,
/// <c>Old</c>) is published on the mailbox's topic, not routed to an entity (no entity holds mailboxes).
/// </summary>
public static class MailboxEvents
{
    /// <returns>Whether <paramref name="e"/> was a mailbox event (and is published).</returns>
    public static bool TryPublish(AmiEventData e, IActorRef mediator)
    {
        if (e.Name != "MessageWaiting" || e["Mailbox"] is not { Length: > 0 } mailbox) return false;
        var box = mailbox.Contains('@') ? mailbox : mailbox + "@default";
        mediator.Tell(new Publish(Topics.Mailbox(box), new MailboxChanged(box, Count(e["New"]), Count(e["Old"]), e["Waiting"] is "1" or "yes" or "Yes")));
        return true;
    }

    private static int Count(string? header) => int.TryParse(header, out var n) && n > 0 ? n : 0;
}
