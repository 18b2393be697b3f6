using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Events;

/// <summary>
/// What the router knows of one call (by linkedid) for a line that has a channel in it: the queue it came through and
/// its attached data (<c>XIVO_*</c> / <c>USR_*</c> variables, set on any channel of the call). Sent when it changes and
/// when a channel of the line joins the call.
/// </summary>
public sealed record LineCallContext(string LineId, string LinkedId, string? QueueName, IReadOnlyDictionary<string, string> UserData) : IWithLineId;
