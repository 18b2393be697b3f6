using Newtonsoft.Json;
using Xuc.Actors.Callbacks;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>A preferred period as the reference shows it (<c>{default, name, periodStart, periodEnd, uuid}</c>).</summary>
public sealed record PeriodView(
    [property: JsonProperty("default")] bool Default,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("periodStart")] string PeriodStart,
    [property: JsonProperty("periodEnd")] string PeriodEnd,
    [property: JsonProperty("uuid")] string Uuid)
{
    public static PeriodView Of(PreferredPeriod p) => new(p.Default, p.Name, p.PeriodStart, p.PeriodEnd, p.Uuid);
}

/// <summary>A callback request as the reference shows it; <c>clotured</c> added (false in every list the agents see).</summary>
public sealed record RequestView(
    [property: JsonProperty("uuid")] string Uuid,
    [property: JsonProperty("listUuid")] string ListUuid,
    [property: JsonProperty("phoneNumber")] string? PhoneNumber,
    [property: JsonProperty("mobilePhoneNumber")] string? MobilePhoneNumber,
    [property: JsonProperty("firstName")] string? FirstName,
    [property: JsonProperty("lastName")] string? LastName,
    [property: JsonProperty("company")] string? Company,
    [property: JsonProperty("description")] string? Description,
    [property: JsonProperty("agentId")] int? AgentId,
    [property: JsonProperty("dueDate")] string DueDate,
    [property: JsonProperty("preferredPeriod")] PeriodView? PreferredPeriod,
    [property: JsonProperty("clotured")] bool Clotured)
{
    public static RequestView Of(CallbackRequest r, IReadOnlyDictionary<string, PreferredPeriod> periods) => new(
        r.Uuid, r.ListUuid, r.PhoneNumber, r.MobilePhoneNumber, r.FirstName, r.LastName, r.Company, r.Description, r.AgentId, r.DueDate,
        r.PeriodUuid is { } p && periods.TryGetValue(p, out var period) ? PeriodView.Of(period) : null, r.Clotured);
}

/// <summary>A list with its open requests: <c>{uuid, name, queueId, callbacks:[…]}</c>.</summary>
public sealed record ListView(
    [property: JsonProperty("uuid")] string Uuid,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("queueId")] int QueueId,
    [property: JsonProperty("callbacks")] IReadOnlyList<RequestView> Callbacks);
