namespace Xuc.Actors.Messages.Events;

/// <summary>PhoneEvent's <c>eventType</c> values (PROTOCOL.md §2.2).</summary>
public static class PhoneEventTypes
{
    public const string Dialing = "EventDialing";
    public const string Ringing = "EventRinging";
    public const string Established = "EventEstablished";
    public const string OnHold = "EventOnHold";
    public const string Released = "EventReleased";
}

/// <summary>
/// One call of a line as a CTI client sees it: the fields of a <c>PhoneEvent</c> (PROTOCOL.md §2.2). Derived by the
/// line from its channel (<see cref="Entities.Line.PhoneCalls"/>) and carried by its deltas. Equal when every field
/// is, <see cref="UserData"/> compared by content (it crosses nodes as a fresh dictionary).
/// </summary>
public sealed record PhoneCall(
    string EventType,
    string Dn,
    string OtherDn,
    string OtherDName,
    string LinkedId,
    string UniqueId,
    string? QueueName,
    string CallDirection,
    IReadOnlyDictionary<string, string> UserData)
{
    public bool Equals(PhoneCall? other)
        => other is not null && EventType == other.EventType && Dn == other.Dn && OtherDn == other.OtherDn && OtherDName == other.OtherDName
           && LinkedId == other.LinkedId && UniqueId == other.UniqueId && QueueName == other.QueueName && CallDirection == other.CallDirection
           && SameData(UserData, other.UserData);

    public override int GetHashCode() => HashCode.Combine(EventType, UniqueId, OtherDn, QueueName, UserData.Count);

    public static bool SameData(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        if (ReferenceEquals(a, b)) return true;
        var (x, y) = (a ?? Empty, b ?? Empty);
        return x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }

    public static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
