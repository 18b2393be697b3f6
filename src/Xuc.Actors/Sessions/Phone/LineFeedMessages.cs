using Akka.Actor;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Phone;

// Between a node's sessions and its line feeds (node-local, never serialised).

/// <summary>
/// A session of the line's user, after its connect sequence: from now on it gets the line's PhoneEvents and
/// PhoneStatusUpdates. <see cref="DeviceStateSent"/>: the device state its connect sequence showed (a change since
/// is sent at once), and the calls in progress come as PhoneEvents.
/// <see cref="Sink"/>: the session's outbox; the feed writes the line's frames into it directly (no message through the
/// session actor per frame: with a thousand sessions on a busy line that hop was most of the cost) and tells the session
/// <see cref="FeedOutboxFull"/> when it is full. Null: frames go to <see cref="Session"/> as <see cref="FeedFrame"/>.
/// </summary>
public sealed record JoinLineFeed(string LineId, IActorRef Session, string? DeviceStateSent, ISessionSink? Sink = null);

/// <summary><c>subscribeToPhoneHints</c>: the session gets PhoneHintStatusEvent for each number, now and on every change.</summary>
public sealed record WatchPhoneHints(IReadOnlyList<string> Numbers, IActorRef Session);

/// <summary><c>unsubscribeFromAllPhoneHints</c>.</summary>
public sealed record UnwatchPhoneHints(IActorRef Session);

/// <summary><c>getCurrentCallsPhoneEvents</c> for a line; the feed answers the sender a <see cref="FeedFrame"/> (CurrentCallsPhoneEvents).</summary>
public sealed record GetCurrentCalls(string LineId);

/// <summary>A feed watched by a hint subscriber for <see cref="Number"/>.</summary>
internal sealed record WatchHint(string Number, IActorRef Session);

/// <summary>A hint subscriber leaves this feed.</summary>
internal sealed record UnwatchHint(IActorRef Session);

/// <summary>A feed with nobody left; <see cref="Joins"/>: how many joins it had been given, so one given meanwhile keeps it.</summary>
internal sealed record FeedIdle(string LineId, long Joins);
