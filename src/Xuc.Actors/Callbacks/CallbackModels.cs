using Newtonsoft.Json;

namespace Xuc.Actors.Callbacks;

/// <summary>A list of callback requests the call centre owes, worked by the agents of its queue.</summary>
public sealed record CallbackList(
    [property: JsonProperty("uuid")] string Uuid,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("queueId")] int QueueId);

/// <summary>A part of the day a caller prefers to be called back in (times <c>HH:mm:ss</c>); one may be the default.</summary>
public sealed record PreferredPeriod(
    [property: JsonProperty("uuid")] string Uuid,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("periodStart")] string PeriodStart,
    [property: JsonProperty("periodEnd")] string PeriodEnd,
    [property: JsonProperty("default")] bool Default);

/// <summary>
/// One callback owed: who to call, by when (<see cref="DueDate"/> <c>YYYY-MM-DD</c>), in which period. Taken by at
/// most one agent (<see cref="AgentId"/>); closed (<see cref="Clotured"/>) by a ticket with a final status.
/// </summary>
public sealed record CallbackRequest
{
    public string Uuid { get; init; } = "";
    public string ListUuid { get; init; } = "";
    public string? PhoneNumber { get; init; }
    public string? MobilePhoneNumber { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? Description { get; init; }
    public int? AgentId { get; init; }
    public string DueDate { get; init; } = "";
    public string? PeriodUuid { get; init; }
    public bool Clotured { get; init; }
}

/// <summary>What an agent did with a request he started: his call, its outcome and comment (kept and exported).</summary>
public sealed record CallbackTicket
{
    public string Uuid { get; init; } = "";
    public string RequestUuid { get; init; } = "";
    public string ListUuid { get; init; } = "";
    public int AgentId { get; init; }
    public string PhoneNumber { get; init; } = "";
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset LastUpdate { get; init; }
    /// <summary>Empty while the call is on; then one of <see cref="CallbackStatuses"/>.</summary>
    public string Status { get; init; } = "";
    public string Comment { get; init; } = "";
}

/// <summary>The outcomes of a ticket (reference "Callback.updateCallbackTicket"; Email as the xucmgt UI offers it).</summary>
public static class CallbackStatuses
{
    public const string Callback = "Callback";
    public static readonly IReadOnlyList<string> All = ["NoAnswer", "Answered", "Fax", "Email", Callback];

    /// <summary>Every status but <c>Callback</c> closes the request.</summary>
    public static bool Closes(string status) => status != Callback;
}
