using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Entities.Line;

/// <summary>
/// How a phone's channel rung for an Originate (click-to-dial: the PBX rings the user's own phone, then dials the
/// destination) is told apart from a call to the phone, from what Asterisk 22 and PbxSim both send
/// (docs/cti-websocket.md, "Click-to-dial"): app_dial and app_queue publish a DialBegin naming the channel they
/// requested before it rings; a channel created Down that rings (5) or answers (6) with no such DialBegin was rung by an
/// Originate. Asterisk 12+ also publishes the Originate's own DialBegin, with no dialling channel: that confirms it. The
/// destination answered when the leg's own dial ends ANSWER, or when the leg enters a bridge.
/// </summary>
public static class OriginateLegs
{
    /// <summary>A DialBegin naming no dialling channel: the Originate's own dial (ast_dial), its DestChannel the leg.</summary>
    public static bool IsOriginatesOwnDial(AmiEventData e) => e.Name == "DialBegin" && e["Uniqueid"] is null;

    /// <summary>A Newstate taking a channel made Down, that no application requested, to Ringing or Up.</summary>
    // An Originate's leg starts a call of its own (its Linkedid is its Uniqueid); a channel app_queue or app_dial requests
    // inherits its caller's, and on Asterisk 22 its phone's Ringing can come before the DialBegin that says so.
    public static bool RungForOriginate(AmiEventData e, bool wasDown, bool requested)
        => e.Name == "Newstate" && wasDown && !requested && e["ChannelState"] is "5" or "6"
           && (e["Linkedid"] is not { Length: > 0 } linked || linked == e["Uniqueid"]);

    /// <summary>The party the channel dialled answered: its DialEnd ANSWER, or it entered a bridge.</summary>
    public static bool PeerAnswered(AmiEventData e)
        => e.Name == "BridgeEnter" || (e.Name == "DialEnd" && e["DialStatus"] == "ANSWER");

    /// <summary>The number a channel goes on to dial: its dialplan exten (an <c>Exten</c> header; not <c>s</c>, an application's).</summary>
    public static string? Destination(string? exten) => exten is { Length: > 0 } x && x != "s" ? x : null;
}
