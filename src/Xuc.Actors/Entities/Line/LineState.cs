using System.Collections.Immutable;
using Xuc.Actors.Messages.Events;
using LineConfig = Xuc.Actors.Configuration.Model.Line;

namespace Xuc.Actors.Entities.Line;

/// <summary>What a line (a device) has going on: its channels, folded from AMI channel events.</summary>
public sealed record LineState(string LineId, ImmutableDictionary<string, Channel> Channels, string DeviceState)
{
    public static LineState Empty(string lineId) => new(lineId, ImmutableDictionary<string, Channel>.Empty, "UNKNOWN");

    /// <summary>The line as configured (number, context); null for a device the configuration does not know.</summary>
    public LineConfig? Config { get; init; }

    public LineState Configure(LineConfig? config) => config == Config ? this : this with { Config = config };

    /// <summary>The uniqueids of the channels <see cref="Apply(AmiEventData)"/> may change for this event (none: the device's state).</summary>
    public static IReadOnlyCollection<string> ChannelsTouchedBy(AmiEventData e)
        => (e["Uniqueid"], e.Name == "DialBegin" ? e["DestUniqueid"] : null) switch
        {
            (null, null) => [],
            ({ } uid, null) => [uid],
            (null, { } dest) => [dest],
            var (uid, dest) => [uid, dest],
        };

    public LineState Apply(AmiEventData e)
    {
        var uid = e["Uniqueid"];
        switch (e.Name)
        {
            case "Newchannel":
            case "CoreShowChannel":
                return uid is null ? this : this with { Channels = Channels.SetItem(uid, Channels.TryGetValue(uid, out var known) ? FromHeaders(e, uid, known) : Created(e, uid)) };
            case "DialBegin":
                return Dialled(e);
            case "Newstate":
            case "NewConnectedLine":
            case "NewCallerid":
                return uid is not null && Channels.TryGetValue(uid, out var c)
                    ? this with { Channels = Channels.SetItem(uid, Originating(e, c, FromHeaders(e, uid, c))) }
                    : this;
            case "DialEnd":
            case "BridgeEnter":
                return uid is not null && Channels.TryGetValue(uid, out var o) && o.Originated && !o.PeerAnswered && OriginateLegs.PeerAnswered(e)
                    ? this with { Channels = Channels.SetItem(uid, o with { PeerAnswered = true }) }
                    : this;
            case "Hold":
            case "Unhold":
                return uid is not null && Channels.TryGetValue(uid, out var h)
                    ? this with { Channels = Channels.SetItem(uid, h with { OnHold = e.Name == "Hold" }) }
                    : this;
            case "Hangup":
                return uid is null ? this : this with { Channels = Channels.Remove(uid) };
            case "DeviceStateChange":
                return this with { DeviceState = e["State"] ?? DeviceState };
            case "ExtensionStatus":
                return HintDeviceState(e["Status"]) is { } state && state != DeviceState ? this with { DeviceState = state } : this;
            default:
                return this;
        }
    }

    /// <summary>
    /// A hint's numeric state (ExtensionStatus <c>Status</c>, ast_extension_state's bits: 1 in use, 2 busy,
    /// 4 unavailable, 8 ringing, 16 on hold; -1 removed, -2 deactivated) as a device state name; null when unreadable.
    /// </summary>
    private static string? HintDeviceState(string? status) => int.TryParse(status, out var n) ? n switch
    {
        < 0 => "INVALID",
        0 => "NOT_INUSE",
        _ when (n & 16) != 0 => "ONHOLD",
        _ when (n & 8) != 0 => (n & 1) != 0 ? "RINGINUSE" : "RINGING",
        _ when (n & 4) != 0 => "UNAVAILABLE",
        _ when (n & 2) != 0 => "BUSY",
        _ when (n & 1) != 0 => "INUSE",
        _ => null,
    } : null;

    /// <summary>This line's channels of a call get the call's queue and attached data (from the router's call context).</summary>
    public LineState Apply(LineCallContext context)
    {
        var next = Channels;
        foreach (var c in Channels.Values.Where(c => c.LinkedId == context.LinkedId))
            if (c.QueueName != context.QueueName || !PhoneCall.SameData(c.UserData, context.UserData))
                next = next.SetItem(c.UniqueId, c with { QueueName = context.QueueName, UserData = context.UserData });
        return next == Channels ? this : this with { Channels = next };
    }

    /// <summary>The phone call a channel of this line shows as; null while it is not shown (an incoming channel not ringing yet).</summary>
    public PhoneCall? PhoneCallOf(Channel c) => PhoneCalls.Of(c, LineId, Config);

    /// <summary>
    /// A channel first seen. Newchannel: a phone placing a call makes its channel in state 4 Ring (chan_pjsip / chan_sip
    /// for an incoming INVITE), with the dialled number as Exten; a channel the PBX makes to ring the phone starts Down
    /// (app_dial's / app_queue's request). CoreShowChannel (a resync): the channel app_dial or app_queue made runs
    /// <c>AppDial</c> / <c>AppQueue</c>; one in state 4, or running an application of its own, was placed by the phone.
    /// </summary>
    private static Channel Created(AmiEventData e, string uid)
    {
        var application = e["Application"] ?? "";
        var state = e["ChannelState"];
        var outgoing = e.Name == "Newchannel"
            ? state == "4"
            : application is not ("AppDial" or "AppQueue") && (state == "4" || application.Length > 0);
        return FromHeaders(e, uid, null) with
        {
            Direction = outgoing ? CallDirections.Outgoing : CallDirections.Incoming,
            DialedExten = outgoing ? e["Exten"] ?? "" : "",
        };
    }

    /// <summary>A channel made Down that rings or answers with no application having requested it: an Originate's leg, the user's outgoing call.</summary>
    private static Channel Originating(AmiEventData e, Channel before, Channel after)
        => !before.Originated && OriginateLegs.RungForOriginate(e, before.State == 0 && before.Direction == CallDirections.Incoming, before.Requested)
            ? Originated(after, OriginateLegs.Destination(e["Exten"]))
            : after;

    private static Channel Originated(Channel c, string? destination)
        => c with { Originated = true, Requested = false, Direction = CallDirections.Outgoing, DialedExten = destination ?? c.DialedExten };

    /// <summary>
    /// DialBegin settles who called whom: the dialling channel (<c>Channel</c>) places an outgoing call to the exten it
    /// runs Dial from (an originated call that first rang the phone turns outgoing here); the dialled one
    /// (<c>DestChannel</c>) receives it.
    /// </summary>
    private LineState Dialled(AmiEventData e)
    {
        var next = Channels;
        if (e["Uniqueid"] is { } caller && next.TryGetValue(caller, out var c))
        {
            var exten = OriginateLegs.Destination(e["Exten"]) ?? c.DialedExten;
            var outgoing = c with { Direction = CallDirections.Outgoing, DialedExten = exten };
            if (outgoing != c) next = next.SetItem(caller, outgoing);
        }
        if (e["DestUniqueid"] is { } callee && next.TryGetValue(callee, out var d))
        {
            // The Originate's own dial (no dialling channel) confirms its leg; any other makes the dialled channel incoming.
            var dialled = OriginateLegs.IsOriginatesOwnDial(e)
                ? d.Originated ? d : Originated(d, OriginateLegs.Destination(e["DestExten"]))
                : d with { Direction = CallDirections.Incoming, DialedExten = "", Requested = true, Originated = false };
            if (dialled != d) next = next.SetItem(callee, dialled);
        }
        return next == Channels ? this : this with { Channels = next };
    }

    /// <summary>Drops the channels the PBX no longer lists (they ended while the link was down).</summary>
    public LineState Reconcile(IReadOnlyCollection<string> aliveUniqueids)
    {
        var gone = Channels.Keys.Where(k => !aliveUniqueids.Contains(k)).ToList();
        return gone.Count == 0 ? this : this with { Channels = Channels.RemoveRange(gone) };
    }

    private static Channel FromHeaders(AmiEventData e, string uid, Channel? previous)
    {
        int.TryParse(e["ChannelState"], out var state);
        var channel = new Channel(
            uid,
            e["Linkedid"] ?? previous?.LinkedId ?? uid,
            e["Channel"] ?? previous?.Name ?? "",
            e["ChannelState"] is null ? previous?.State ?? 0 : state,
            e["CallerIDNum"] ?? previous?.CallerIdNum ?? "",
            e["CallerIDName"] ?? previous?.CallerIdName ?? "",
            e["ConnectedLineNum"] ?? previous?.ConnectedNum ?? "",
            e["ConnectedLineName"] ?? previous?.ConnectedName ?? "",
            previous?.OnHold ?? false);
        return previous is null ? channel : channel with
        {
            Direction = previous.Direction, DialedExten = previous.DialedExten, QueueName = previous.QueueName, UserData = previous.UserData,
            Requested = previous.Requested, Originated = previous.Originated, PeerAnswered = previous.PeerAnswered,
        };
    }
}
