namespace Xuc.Actors.Messages.Pbx;

/// <summary>
/// Sent to the AMI connection singleton (through its proxy, from any node): write this action to the PBX and
/// answer with a <see cref="PbxResult"/>. <paramref name="List"/>: the action is answered by an event list
/// (QueueStatus, CoreShowChannels, ...) whose items are gathered up to its <c>...Complete</c> event.
/// <paramref name="Watcher"/>: for an asynchronous Originate, the actor told if the call it places fails later
/// (<see cref="PbxCallFailed"/>, docs/cti-websocket.md "Click-to-dial").
/// </summary>
public sealed record PbxRequest(PbxAction Action, bool List, TimeSpan Timeout, Akka.Actor.IActorRef? Watcher = null);
