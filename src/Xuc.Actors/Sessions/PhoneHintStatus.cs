namespace Xuc.Actors.Sessions;

/// <summary>
/// An Asterisk device state as PROTOCOL.md §2.2's numeric phone state (PhoneHintStatusEvent): the mapping of
/// Asterisk's own ast_devstate_to_extenstate (main/pbx.c), where an unknown device state reads as available and an
/// invalid device as unavailable. <see cref="UnknownNumber"/> (-2) is for a number no line has.
/// </summary>
public static class PhoneHintStatus
{
    public const int UnknownNumber = -2;

    public static int Of(string? deviceState) => deviceState switch
    {
        "INUSE" => 1,
        "BUSY" => 2,
        "UNAVAILABLE" or "INVALID" => 4,
        "RINGING" => 8,
        "RINGINUSE" => 9,
        "ONHOLD" => 16,
        _ => 0,
    };
}
