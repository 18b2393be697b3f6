using Newtonsoft.Json;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions.Outbound;

// Configuration lists and changes (reference "Queue Configuration", "Queue List", "Agent Configuration", "Agent List",
// "Agent Group List", "Agent Directory").

/// <summary><c>{"id":8,"context":"default","name":"blue","displayName":"blue sky","number":"3506"}</c>.</summary>
public sealed record QueueConfigEntry(
    [property: JsonProperty("id")] int Id,
    [property: JsonProperty("context")] string Context,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("displayName")] string DisplayName,
    [property: JsonProperty("number")] string Number)
{
    public static QueueConfigEntry Of(Queue q) => new(q.Id, q.Context, q.Name, q.DisplayName, q.Number);
}

/// <summary><c>{"id":24,"firstName":"John","lastName":"Waynes","number":"2601","context":"default","groupId":1}</c>.</summary>
public sealed record AgentConfigEntry(
    [property: JsonProperty("id")] int Id,
    [property: JsonProperty("firstName")] string FirstName,
    [property: JsonProperty("lastName")] string LastName,
    [property: JsonProperty("number")] string Number,
    [property: JsonProperty("context")] string Context,
    [property: JsonProperty("groupId")] int GroupId)
{
    public static AgentConfigEntry Of(Agent a) => new(a.Id, a.FirstName, a.LastName, a.Number, a.Context, a.GroupId);
}

/// <summary><c>{"id":1,"name":"default","displayName":"Default"}</c>.</summary>
public sealed record AgentGroupEntry(
    [property: JsonProperty("id")] int Id,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("displayName")] string DisplayName)
{
    public static AgentGroupEntry Of(AgentGroup g) => new(g.Id, g.Name, g.DisplayName);
}

public sealed record QueueConfig(QueueConfigEntry Queue) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "QueueConfig";
    [JsonIgnore] public object CtiMessage => Queue;
}

public sealed record QueueList(IReadOnlyList<QueueConfigEntry> Queues) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "QueueList";
    [JsonIgnore] public object CtiMessage => Queues;
}

public sealed record AgentConfig(AgentConfigEntry Agent) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "AgentConfig";
    [JsonIgnore] public object CtiMessage => Agent;
}

public sealed record AgentList(IReadOnlyList<AgentConfigEntry> Agents) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "AgentList";
    [JsonIgnore] public object CtiMessage => Agents;
}

public sealed record AgentGroupList(IReadOnlyList<AgentGroupEntry> Groups) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "AgentGroupList";
    [JsonIgnore] public object CtiMessage => Groups;
}

/// <summary>One agent of <c>AgentDirectory</c>: his configuration and his current state (the AgentStateEvent's payload).</summary>
public sealed record AgentDirectoryEntry([property: JsonProperty("agent")] AgentConfigEntry Agent, [property: JsonProperty("agentState")] AgentStateEvent AgentState);

/// <summary><c>{"directory":[{"agent":{...},"agentState":{...}}]}</c>.</summary>
public sealed record AgentDirectory([property: JsonProperty("directory")] IReadOnlyList<AgentDirectoryEntry> Directory) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "AgentDirectory";
}
