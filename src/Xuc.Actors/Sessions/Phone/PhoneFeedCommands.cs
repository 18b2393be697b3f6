using Akka.Actor;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>
/// A session's phone-event commands, answered through the node's line feeds (<see cref="LineFeedsActor"/>):
/// <c>getCurrentCallsPhoneEvents</c>, <c>subscribeToPhoneHints</c>, <c>unsubscribeFromAllPhoneHints</c>.
/// </summary>
public static class PhoneFeedCommands
{
    public static bool Handles(string command) => command is CommandCatalog.GetCurrentCallsPhoneEvents
        or CommandCatalog.SubscribeToPhoneHints or CommandCatalog.UnsubscribeFromAllPhoneHints;

    /// <param name="feeds">The node's line feeds; null where there are none (then there is nothing to report).</param>
    public static void Handle(string command, JObject frame, SessionUser user, IActorRef session, IActorRef? feeds, Action<ICtiMessage> push)
    {
        switch (command)
        {
            case CommandCatalog.GetCurrentCallsPhoneEvents:
                if (feeds is not null && user.Line is { } line) feeds.Tell(new GetCurrentCalls(line.Interface), session);
                else push(new CurrentCallsPhoneEvents([]));
                break;
            case CommandCatalog.SubscribeToPhoneHints:
                var numbers = ((JArray)frame["phoneNumbers"]!).Select(n => (string)n!).ToList();
                if (feeds is not null) feeds.Tell(new WatchPhoneHints(numbers, session));
                else foreach (var n in numbers) push(new PhoneHintStatusEvent(n, PhoneHintStatus.UnknownNumber));
                break;
            case CommandCatalog.UnsubscribeFromAllPhoneHints:
                feeds?.Tell(new UnwatchPhoneHints(session));
                break;
        }
    }
}
