using Newtonsoft.Json;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.History;

/// <summary>
/// <c>{"msgType":"CustomerCallHistoryResponseWithId","ctiMessage":{"id":..,"response":{"total":n,"list":[calls]}}}</c>:
/// the answer to <c>findCustomerCallHistory</c>, carrying the request's id (the stock client matches it to its request).
/// </summary>
public sealed record CustomerCallHistoryResponse(
    [property: JsonProperty("id")] long Id,
    [property: JsonProperty("response")] CustomerCallList Response) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CustomerCallHistoryResponseWithId";
}

public sealed record CustomerCallList(
    [property: JsonProperty("total")] int Total,
    [property: JsonProperty("list")] IReadOnlyList<CustomerCallDetail> List);

/// <summary>
/// One call of the customer, newest first: <c>start</c> (local time, <c>yyyy-MM-dd HH:mm:ss</c>), <c>duration</c> (answer
/// to end, null when not answered), <c>waitTime</c> (start to answer, or to the end when not answered), the agent who
/// answered (<c>agentName</c> "James Bond", <c>agentNum</c> his number) and the queue (<c>queueName</c> its display
/// name, <c>queueNum</c>), null when none, and the call's <c>status</c> as in <c>CallHistory</c>.
/// </summary>
public sealed record CustomerCallDetail(
    [property: JsonProperty("start")] string Start,
    [property: JsonProperty("duration")] string? Duration,
    [property: JsonProperty("waitTime")] string? WaitTime,
    [property: JsonProperty("agentName")] string? AgentName,
    [property: JsonProperty("agentNum")] string? AgentNum,
    [property: JsonProperty("queueName")] string? QueueName,
    [property: JsonProperty("queueNum")] string? QueueNum,
    [property: JsonProperty("status")] string Status);
