using Newtonsoft.Json;

namespace Xuc.Actors.Sessions.Outbound;

public sealed record AgentStatValue([property: JsonProperty("name")] string Name, [property: JsonProperty("value")] object Value);

/// <summary><c>{"id":22,"statistics":[{"name":"AgentReadyTotalTime","value":434},...]}</c> (reference, "Agent Statistics").</summary>
public sealed record AgentStatistics([property: JsonProperty("id")] int Id, [property: JsonProperty("statistics")] IReadOnlyList<AgentStatValue> Statistics) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "AgentStatistics";
}
