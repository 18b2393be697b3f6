using Xuc.Actors.Messages.Events;
using LineConfig = Xuc.Actors.Configuration.Model.Line;

namespace Xuc.Actors.Entities.Line;

/// <summary>
/// A line's channel as the <c>PhoneEvent</c> a CTI client sees (docs/cti-websocket.md, "Phone events"):
/// on hold → EventOnHold; Up → EventEstablished; an outgoing call not yet answered → EventDialing; an incoming one
/// ringing → EventRinging; an incoming channel not ringing yet (Down) is not shown (null).
/// </summary>
public static class PhoneCalls
{
    public static PhoneCall? Of(Channel c, string lineId, LineConfig? config)
    {
        var outgoing = c.Direction == CallDirections.Outgoing;
        // An Originate's leg is up once the user's phone answers, but his call is established only when the destination is.
        var dialling = c.Originated && !c.PeerAnswered && c.DialedExten.Length > 0;
        string? type = c.OnHold ? PhoneEventTypes.OnHold
            : c.State == 6 && !dialling ? PhoneEventTypes.Established
            : outgoing ? PhoneEventTypes.Dialing
            : c.State == 5 ? PhoneEventTypes.Ringing
            : c.State is 3 or 4 or 8 ? PhoneEventTypes.Dialing
            : null;
        if (type is null) return null;
        var dn = Number(lineId, config);
        // His own number as the other party is the Originate's caller id on his own phone (Asterisk sets the connected line to it): not a party.
        var himself = outgoing && Known(c.ConnectedNum) == dn;
        return new PhoneCall(
            type,
            dn,
            (himself ? null : Known(c.ConnectedNum)) ?? (outgoing ? c.DialedExten : ""),
            himself ? "" : Known(c.ConnectedName) ?? "",
            c.LinkedId,
            c.UniqueId,
            c.QueueName,
            c.Direction,
            c.UserData ?? PhoneCall.Empty);
    }

    /// <summary>The line's directory number: the configured one, else the device's resource (<c>PJSIP/1001</c> → 1001).</summary>
    public static string Number(string lineId, LineConfig? config)
        => config is { Number.Length: > 0 } ? config.Number : lineId[(lineId.IndexOf('/') + 1)..];

    /// <summary>Asterisk writes an absent party as <c>&lt;unknown&gt;</c>.</summary>
    private static string? Known(string value) => value.Length == 0 || value == "<unknown>" ? null : value;
}
