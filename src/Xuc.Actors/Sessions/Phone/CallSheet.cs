using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>
/// The call sheet of an incoming call: the configured sheet fields (<see cref="SheetField"/>) filled from the call.
/// Sent once per call, when it first rings on the called user's phone (docs/cti-websocket.md, "Call sheet").
/// </summary>
public static class CallSheet
{
    /// <summary>Whether <paramref name="now"/> is the moment to send a sheet: an incoming call that rings and did not before.</summary>
    public static bool StartsRinging(PhoneCall? before, PhoneCall now)
        => now is { EventType: PhoneEventTypes.Ringing, CallDirection: "Incoming" } && before?.EventType != PhoneEventTypes.Ringing;

    /// <returns>null when no sheet field is configured.</returns>
    public static SheetMessage? For(PhoneCall call, string channel, IReadOnlyList<SheetField> fields, DateTimeOffset now)
    {
        if (fields.Count == 0) return null;
        var info = fields.Select(f => new SheetInfo(SheetTemplate.Fill(f.Value, name => Lookup(call, name)), f.Name, f.Order, f.Type)).ToList();
        SheetInternal[] @internal =
        [
            new("xivo", "ipbxid"), new("link", "where"), new(call.UniqueId, "uid"), new("no", "focus"), new("1", "zip"),
        ];
        // The envelope's values are the reference's, byte for byte (clients written for it may test them), though the
        // payload is the JSON object shown there, not compressed XML.
        return new SheetMessage(now.ToUnixTimeSeconds(), true, "xml",
            new SheetPayload(new SheetProfile(new SheetUser(@internal, null, info, []))), channel);
    }

    private static string? Lookup(PhoneCall call, string name) => name switch
    {
        "DN" => call.Dn,
        "otherDN" => call.OtherDn,
        "otherDName" => call.OtherDName,
        "queueName" => call.QueueName,
        "linkedId" => call.LinkedId,
        "uniqueId" => call.UniqueId,
        "callDirection" => call.CallDirection,
        _ => call.UserData.GetValueOrDefault(name),
    };
}
