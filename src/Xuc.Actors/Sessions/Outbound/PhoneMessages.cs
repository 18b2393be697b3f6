using Newtonsoft.Json;
using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Sessions.Outbound;

// The phone's events to its user's sessions (PROTOCOL.md §2.2, reference "Phone Events"), in the reference's field order.

public sealed record PhoneEventMessage(
    [property: JsonProperty("eventType")] string EventType,
    [property: JsonProperty("DN")] string Dn,
    [property: JsonProperty("otherDN")] string OtherDn,
    [property: JsonProperty("otherDName")] string OtherDName,
    [property: JsonProperty("linkedId")] string LinkedId,
    [property: JsonProperty("uniqueId")] string UniqueId,
    [property: JsonProperty("queueName", NullValueHandling = NullValueHandling.Ignore)] string? QueueName,
    [property: JsonProperty("callDirection")] string CallDirection,
    [property: JsonProperty("userData")] IReadOnlyDictionary<string, string> UserData) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "PhoneEvent";

    /// <summary>The call's fields; <c>userData</c> in name order, so equal calls make equal bytes.</summary>
    public static PhoneEventMessage Of(PhoneCall c) => new(c.EventType, c.Dn, c.OtherDn, c.OtherDName, c.LinkedId, c.UniqueId, c.QueueName,
        c.CallDirection, new SortedDictionary<string, string>(c.UserData.ToDictionary(), StringComparer.Ordinal));
}

/// <summary>The answer to <c>getCurrentCallsPhoneEvents</c>: <c>{"events":[PhoneEvent payloads...]}</c>.</summary>
public sealed record CurrentCallsPhoneEvents([property: JsonProperty("events")] IReadOnlyList<PhoneEventMessage> Events) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "CurrentCallsPhoneEvents";
}

/// <summary>A watched number's phone state, numeric (PROTOCOL.md §2.2; <see cref="PhoneHintStatus"/>).</summary>
public sealed record PhoneHintStatusEvent([property: JsonProperty("number")] string Number, [property: JsonProperty("status")] int Status) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "PhoneHintStatusEvent";
}

