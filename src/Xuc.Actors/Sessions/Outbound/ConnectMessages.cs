using Newtonsoft.Json;

namespace Xuc.Actors.Sessions.Outbound;

// What a session pushes unasked on connect, in this order (docs/cti-websocket.md, "Connect sequence").

public sealed record LoggedOn(
    [property: JsonProperty("login")] string Login,
    [property: JsonProperty("userId")] int UserId,
    [property: JsonProperty("phoneNumber")] string PhoneNumber) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "LoggedOn";
}

public sealed record RightProfileMessage([property: JsonProperty("profile")] string Profile) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "RightProfile";
}

public sealed record UserStatusAction([property: JsonProperty("name")] string Name, [property: JsonProperty("parameters")] string Parameters);

public sealed record UserStatusEntry(
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("color")] string Color,
    [property: JsonProperty("longName")] string LongName,
    [property: JsonProperty("actions")] IReadOnlyList<UserStatusAction> Actions);

/// <summary>The configured presences; <c>ctiMessage</c> is the list itself.</summary>
public sealed record UsersStatuses(IReadOnlyList<UserStatusEntry> Statuses) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "UsersStatuses";
    [JsonIgnore] public object CtiMessage => Statuses;
}

public sealed record UserStatusUpdate([property: JsonProperty("status")] string Status) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "UserStatusUpdate";
}

/// <summary>The reference's field order; 0 stands for "no agent" / "no voicemail".</summary>
public sealed record UserConfigUpdate : ICtiMessage
{
    [JsonIgnore] public string MsgType => "UserConfigUpdate";
    [JsonProperty("userId")] public int UserId { get; init; }
    [JsonProperty("dndEnabled")] public bool DndEnabled { get; init; }
    [JsonProperty("naFwdEnabled")] public bool NaFwdEnabled { get; init; }
    [JsonProperty("naFwdDestination")] public string NaFwdDestination { get; init; } = "";
    [JsonProperty("uncFwdEnabled")] public bool UncFwdEnabled { get; init; }
    [JsonProperty("uncFwdDestination")] public string UncFwdDestination { get; init; } = "";
    [JsonProperty("busyFwdEnabled")] public bool BusyFwdEnabled { get; init; }
    [JsonProperty("busyFwdDestination")] public string BusyFwdDestination { get; init; } = "";
    [JsonProperty("firstName")] public string FirstName { get; init; } = "";
    [JsonProperty("lastName")] public string LastName { get; init; } = "";
    [JsonProperty("fullName")] public string FullName { get; init; } = "";
    [JsonProperty("mobileNumber")] public string MobileNumber { get; init; } = "";
    [JsonProperty("agentId")] public int AgentId { get; init; }
    [JsonProperty("lineIds")] public IReadOnlyList<int> LineIds { get; init; } = [];
    [JsonProperty("voiceMailId")] public int VoiceMailId { get; init; }
    [JsonProperty("voiceMailEnabled")] public bool VoiceMailEnabled { get; init; }
}

public sealed record LineConfigMessage(
    [property: JsonProperty("id")] int Id,
    [property: JsonProperty("number")] string Number,
    [property: JsonProperty("interface")] string Interface,
    [property: JsonProperty("context")] string Context) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "LineConfig";
}

public sealed record PhoneStatusUpdate([property: JsonProperty("status")] string Status) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "PhoneStatusUpdate";
}

public sealed record VoiceMailStatusUpdate(
    [property: JsonProperty("voiceMailId")] int VoiceMailId,
    [property: JsonProperty("newMessages")] int NewMessages,
    [property: JsonProperty("waitingMessages")] int WaitingMessages,
    [property: JsonProperty("oldMessages")] int OldMessages) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "VoiceMailStatusUpdate";
}

/// <summary>The session could not be set up (<c>loggedOnFailed</c>) or not in time (<c>loggedOnTimeout</c>); it closes next.</summary>
public sealed record LoggedOnError([property: JsonProperty("Error")] string Error) : ICtiMessage
{
    public const string Failed = "loggedOnFailed";
    public const string Timeout = "loggedOnTimeout";
    [JsonIgnore] public string MsgType => "LoggedOnError";
}
