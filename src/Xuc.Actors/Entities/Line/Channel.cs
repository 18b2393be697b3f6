namespace Xuc.Actors.Entities.Line;

/// <summary>
/// One Asterisk channel on a line, as the line sees it. <see cref="Direction"/> (<see cref="CallDirections"/>),
/// <see cref="DialedExten"/> (what the phone dialled, for an outgoing call), <see cref="QueueName"/> and
/// <see cref="UserData"/> (the call's <c>XIVO_*</c> / <c>USR_*</c> variables, from the router's call context) make it a
/// phone call (<see cref="PhoneCalls"/>). <see cref="Requested"/>: app_dial or app_queue asked for it (a DialBegin named
/// it as the dialled channel); <see cref="Originated"/>: it rang the phone for an Originate (click-to-dial), the
/// user's own outgoing call; <see cref="PeerAnswered"/>: the party that call dialled answered (<see cref="OriginateLegs"/>).
/// </summary>
public sealed record Channel(
    string UniqueId,
    string LinkedId,
    string Name,
    int State,
    string CallerIdNum,
    string CallerIdName,
    string ConnectedNum,
    string ConnectedName,
    bool OnHold,
    string Direction = CallDirections.Incoming,
    string DialedExten = "",
    string? QueueName = null,
    IReadOnlyDictionary<string, string>? UserData = null,
    bool Requested = false,
    bool Originated = false,
    bool PeerAnswered = false);

/// <summary>PhoneEvent's <c>callDirection</c>: seen from the line's phone.</summary>
public static class CallDirections
{
    public const string Incoming = "Incoming";
    public const string Outgoing = "Outgoing";
}
