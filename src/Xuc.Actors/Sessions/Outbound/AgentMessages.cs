using Newtonsoft.Json;

namespace Xuc.Actors.Sessions.Outbound;

// What a session sends about agents (docs/cti-websocket.md, "Agents"; the reference's Agent State Event and Agent Error).

/// <summary>
/// <c>AgentStateEvent</c>: <see cref="Name"/> is AgentReady, AgentOnPause, AgentOnWrapup, AgentRinging, AgentOnCall or
/// AgentLoggedOut; <see cref="Since"/> the seconds spent in it; the last four fields only in AgentOnCall.
/// </summary>
public sealed record AgentStateEvent(
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("agentId")] int AgentId,
    [property: JsonProperty("phoneNb")] string PhoneNb,
    [property: JsonProperty("since")] long Since,
    [property: JsonProperty("queues")] IReadOnlyList<int> Queues,
    [property: JsonProperty("cause")] string Cause) : ICtiMessage
{
    [JsonProperty("acd", NullValueHandling = NullValueHandling.Ignore)] public bool? Acd { get; init; }
    [JsonProperty("direction", NullValueHandling = NullValueHandling.Ignore)] public string? Direction { get; init; }
    [JsonProperty("callType", NullValueHandling = NullValueHandling.Ignore)] public string? CallType { get; init; }
    [JsonProperty("monitorState", NullValueHandling = NullValueHandling.Ignore)] public string? MonitorState { get; init; }
    [JsonIgnore] public string MsgType => "AgentStateEvent";
}

/// <summary>
/// <c>AgentError</c>: <c>{"Error":"PhoneNumberUnknown"}</c>, <c>{"Error":"LoggedInOnAnotherPhone","phoneNb":…,"RequestedNb":…}</c>,
/// or a PBX refusal with the PBX's words in <c>message</c>.
/// </summary>
public sealed record AgentError([property: JsonProperty("Error")] string Error) : ICtiMessage
{
    [JsonProperty("phoneNb", NullValueHandling = NullValueHandling.Ignore)] public string? PhoneNb { get; init; }
    [JsonProperty("RequestedNb", NullValueHandling = NullValueHandling.Ignore)] public string? RequestedNb { get; init; }
    [JsonProperty("message", NullValueHandling = NullValueHandling.Ignore)] public string? Message { get; init; }
    [JsonIgnore] public string MsgType => "AgentError";
}

/// <summary><c>AgentListen</c> (the reference's Agent Listen): <c>{"started":true,"phoneNumber":"1058","agentId":22}</c>, the agent's line number.</summary>
public sealed record AgentListen(
    [property: JsonProperty("started")] bool Started,
    [property: JsonProperty("phoneNumber")] string PhoneNumber,
    [property: JsonProperty("agentId")] int AgentId) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "AgentListen";
}
