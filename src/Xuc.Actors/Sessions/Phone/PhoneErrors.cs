namespace Xuc.Actors.Sessions.Phone;

/// <summary>The <c>Error</c> codes of refused phone commands (docs/cti-websocket.md, "Phone commands").</summary>
public static class PhoneErrors
{
    /// <summary>The user has no line configured.</summary>
    public const string NoLine = "NoLine";
    /// <summary>dialFromMobile for a user without a mobile number.</summary>
    public const string NoMobileNumber = "NoMobileNumber";
    /// <summary>No call of the user's line fits the command (none at all, none ringing, none to hold, an unknown uniqueId).</summary>
    public const string NoSuchCall = "NoSuchCall";
    /// <summary>completeTransfer / cancelTransfer with no attended transfer in progress on the user's line.</summary>
    public const string NoTransfer = "NoTransfer";
    /// <summary>dialByUsername: no such user, or one without a line.</summary>
    public const string UnknownUser = "UnknownUser";
    /// <summary>dialFromQueue: no queue with this id.</summary>
    public const string UnknownQueue = "UnknownQueue";
    /// <summary>answer / hold on a line whose technology has no remote control (not PJSIP/ nor SIP/).</summary>
    public const string NotControllable = "PhoneNotControllable";
    /// <summary>The PBX answered <c>Response: Error</c>; the message carries its reason.</summary>
    public const string PbxRefused = "PbxRefused";
    /// <summary>The AMI link is down, or the PBX did not answer in time.</summary>
    public const string PbxUnavailable = "PbxUnavailable";
    /// <summary>A call placed for the user (dial, originate, dialByUsername, dialFromMobile, dialFromQueue) failed before it was answered.</summary>
    public const string CallFailed = "CallFailed";
    /// <summary>An unexpected failure inside Xuc (logged at error level with its stack).</summary>
    public const string Failed = "CommandFailed";
}

/// <summary>A phone command refused before (or by) the PBX: the session answers <c>Error</c> with this code and message.</summary>
public sealed class PhoneCommandRefused(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
