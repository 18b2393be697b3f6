using Newtonsoft.Json;

namespace Xuc.Actors.Sessions.Outbound;

/// <summary>The answer to <c>{"claz":"ping"}</c>: <c>{"msgType":"Pong","ctiMessage":{}}</c>.</summary>
public sealed record Pong : ICtiMessage
{
    public static readonly Pong Instance = new();
    [JsonIgnore] public string MsgType => "Pong";
}

/// <summary>A frame or command the session refused; the session stays open. Codes: <see cref="CtiErrors"/>.</summary>
public sealed record CtiError([property: JsonProperty("Error")] string Error, [property: JsonProperty("message")] string Message) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "Error";
}

/// <summary>The <c>Error</c> codes a session answers (docs/cti-websocket.md, "Errors").</summary>
public static class CtiErrors
{
    public const string InvalidJson = "InvalidJson";
    public const string MissingClaz = "MissingClaz";
    public const string UnknownClaz = "UnknownClaz";
    public const string MissingCommand = "MissingCommand";
    public const string UnknownCommand = "UnknownCommand";
    public const string InvalidArgument = "InvalidArgument";
    public const string FrameTooLarge = "FrameTooLarge";
    public const string BinaryFrame = "BinaryFrame";
    public const string NotAuthorized = "NotAuthorized";
    public const string NotImplemented = "NotImplemented";
    public const string UnknownStatus = "UnknownStatus";
    // Phone services and status actions (docs/cti-websocket.md, "Phone services").
    public const string NoLine = "NoLine";
    public const string NotStored = "NotStored";
    public const string PbxRefused = "PbxRefused";
    public const string PbxTimedOut = "PbxTimedOut";
    public const string PbxLinkDown = "PbxLinkDown";
    public const string ServiceFailed = "ServiceFailed";
}
