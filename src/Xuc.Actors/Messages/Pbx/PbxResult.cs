using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Messages.Pbx;

/// <summary>What became of a <see cref="PbxRequest"/>: answered, refused, timed out, or the link was down.</summary>
public abstract record PbxResult(string Action);

/// <summary>
/// The PBX accepted the action. <paramref name="Response"/>: its response (Name is the <c>Response:</c> value,
/// e.g. Success or Follows; headers in wire order); <paramref name="Items"/>: an event list's items (empty for a
/// plain action).
/// </summary>
public sealed record PbxAnswered(string Action, AmiEventData Response, IReadOnlyList<AmiEventData> Items) : PbxResult(Action)
{
    public string? this[string header] => Response[header];
}

/// <summary>The PBX answered <c>Response: Error</c>; <paramref name="Reason"/> is its <c>Message:</c> text.</summary>
public sealed record PbxRefused(string Action, string Reason) : PbxResult(Action);

/// <summary>No answer from the PBX within the request's timeout (the link is up but the PBX is silent).</summary>
public sealed record PbxTimedOut(string Action, TimeSpan Timeout) : PbxResult(Action);

/// <summary>The AMI link was not up when the action was to be sent, or dropped while it waited for its answer.</summary>
public sealed record PbxLinkDown(string Action, string Reason) : PbxResult(Action);

/// <summary>
/// Told later to whoever sent an Originate with <see cref="PbxRequest.Watcher"/> (its answer was a
/// <see cref="PbxAnswered"/> carrying <paramref name="ActionId"/>): the call it placed failed before the destination
/// answered. <paramref name="Channel"/>: the leg the PBX rang; <paramref name="Reason"/>: what went wrong, in words.
/// </summary>
public sealed record PbxCallFailed(string Action, string ActionId, string Channel, string Reason) : PbxResult(Action);
