using Newtonsoft.Json;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary><c>CallbackLists</c>: the lists the session sees, each with its open requests.</summary>
public sealed record CallbackListsMessage([property: JsonIgnore] IReadOnlyList<ListView> Lists) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CallbackLists";
    [JsonIgnore] public object CtiMessage => Lists;
}

/// <summary><c>PreferredCallbackPeriodList</c>.</summary>
public sealed record PreferredPeriodsMessage([property: JsonIgnore] IReadOnlyList<PeriodView> Periods) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "PreferredCallbackPeriodList";
    [JsonIgnore] public object CtiMessage => Periods;
}

/// <summary><c>FindCallbackResponseWithId {id, response:{total, list}}</c>.</summary>
public sealed record FindCallbackResponse(
    [property: JsonProperty("id")] long Id,
    [property: JsonProperty("response")] FoundCallbacks Response) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "FindCallbackResponseWithId";
}

public sealed record FoundCallbacks([property: JsonProperty("total")] int Total, [property: JsonProperty("list")] IReadOnlyList<RequestView> List);

public sealed record CallbackTaken([property: JsonProperty("uuid")] string Uuid, [property: JsonProperty("agentId")] int AgentId) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CallbackTaken";
}

public sealed record CallbackReleased([property: JsonProperty("uuid")] string Uuid) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CallbackReleased";
}

public sealed record CallbackStarted([property: JsonProperty("requestUuid")] string RequestUuid, [property: JsonProperty("ticketUuid")] string TicketUuid) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CallbackStarted";
}

public sealed record CallbackClotured([property: JsonProperty("uuid")] string Uuid) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CallbackClotured";
}

public sealed record CallbackRequestUpdated([property: JsonProperty("request")] RequestView Request) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CallbackRequestUpdated";
}

/// <summary>Beyond the reference: requests of a list whose period has started and that nobody took.</summary>
public sealed record CallbacksOverdue([property: JsonProperty("listUuid")] string ListUuid, [property: JsonProperty("requests")] IReadOnlyList<RequestView> Requests) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CallbacksOverdue";
}
