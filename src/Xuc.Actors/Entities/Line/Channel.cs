namespace Xuc.Actors.Entities.Line;

/// <summary>
/// One Asterisk channel on a line, as the line sees it. <see cref="Direction"/> (<see cref="CallDirections"/>),
/// <see cref="DialedExten"/> (what the phone dialled, for an outgoing call), <see cref="QueueName"/> and
/// <see cref="UserData"/> (the call's <c>XIVO_*</c> / <c>USR_*</c> variables, from the router's call context) make it a
/// phone call (<see cref="PhoneCalls"/>).
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
    IReadOnlyDictionary<string, string>? UserData = null);

/// <summary>PhoneEvent's <c>callDirection</c>: seen from the line's phone.</summary>
public static class CallDirections
{
    public const string Incoming = "Incoming";
    public const string Outgoing = "Outgoing";
}
