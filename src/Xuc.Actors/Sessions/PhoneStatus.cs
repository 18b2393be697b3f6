namespace Xuc.Actors.Sessions;

/// <summary>
/// An Asterisk device state (DeviceStateChange <c>State</c>) as the <c>status</c> of <c>PhoneStatusUpdate</c>: the
/// names of PROTOCOL.md §2.2's numeric phone states.
/// </summary>
public static class PhoneStatus
{
    public static string Of(string? deviceState) => deviceState switch
    {
        "NOT_INUSE" => "AVAILABLE",
        "INUSE" => "CALLING",
        "BUSY" => "BUSY",
        "UNAVAILABLE" => "UNAVAILABLE",
        "RINGING" => "RINGING",
        "RINGINUSE" => "BUSY_AND_RINGING",
        "ONHOLD" => "ONHOLD",
        "INVALID" => "UNEXISTING",
        _ => "UNKNOWN",
    };
}
