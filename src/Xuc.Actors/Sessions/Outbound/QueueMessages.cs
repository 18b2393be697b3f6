using Newtonsoft.Json;

namespace Xuc.Actors.Sessions.Outbound;

// A queue's statistics and waiting calls to the sessions (reference, "Queue Statistics" and "Queue Calls").

public sealed record QueueStatCounter([property: JsonProperty("statName")] string StatName, [property: JsonProperty("value")] object Value);

/// <summary><c>{"queueId":11,"counters":[{"statName":"EWT","value":0},...]}</c>; <c>queueRef</c> (the name) instead for a queue the configuration does not know.</summary>
public sealed record QueueStatistics(
    [property: JsonProperty("queueId", NullValueHandling = NullValueHandling.Ignore)] int? QueueId,
    [property: JsonProperty("queueRef", NullValueHandling = NullValueHandling.Ignore)] string? QueueRef,
    [property: JsonProperty("counters")] IReadOnlyList<QueueStatCounter> Counters) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "QueueStatistics";
}

public sealed record QueueCall(
    [property: JsonProperty("position")] int Position,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("number")] string Number,
    [property: JsonProperty("queueTime")] string QueueTime);

/// <summary><c>{"queueId":9,"calls":[{"position":1,"name":"John Doe","number":"33356782212","queueTime":"2015-07-16T10:40:16.626+02:00"}]}</c>.</summary>
public sealed record QueueCalls([property: JsonProperty("queueId")] int QueueId, [property: JsonProperty("calls")] IReadOnlyList<QueueCall> Calls) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "QueueCalls";
}

/// <summary>The answer to <c>getQueueStatistics</c>: the queue's calls over the last <c>window</c> seconds, against the <c>xqos</c> threshold.</summary>
public sealed record GetQueueStatisticsAnswer(
    [property: JsonProperty("queueId")] int QueueId,
    [property: JsonProperty("window")] int Window,
    [property: JsonProperty("xqos")] int Xqos,
    [property: JsonProperty("counters")] IReadOnlyList<QueueStatCounter> Counters) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "GetQueueStatistics";
}
