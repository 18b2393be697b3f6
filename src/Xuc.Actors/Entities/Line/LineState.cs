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

    public LineState Apply(AmiEventData e)
    {
        var uid = e["Uniqueid"];
        switch (e.Name)
        {
            case "Newchannel":
            case "CoreShowChannel":
                return uid is null ? this : this with { Channels = Channels.SetItem(uid, FromHeaders(e, uid, Channels.GetValueOrDefault(uid))) };
            case "Newstate":
            case "NewConnectedLine":
            case "NewCallerid":
                return uid is not null && Channels.TryGetValue(uid, out var c)
                    ? this with { Channels = Channels.SetItem(uid, FromHeaders(e, uid, c)) }
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

    /// <summary>Drops the channels the PBX no longer lists (they ended while the link was down).</summary>
    public LineState Reconcile(IReadOnlyCollection<string> aliveUniqueids)
    {
        var gone = Channels.Keys.Where(k => !aliveUniqueids.Contains(k)).ToList();
        return gone.Count == 0 ? this : this with { Channels = Channels.RemoveRange(gone) };
    }

    private static Channel FromHeaders(AmiEventData e, string uid, Channel? previous)
    {
        int.TryParse(e["ChannelState"], out var state);
        return new Channel(
            uid,
            e["Linkedid"] ?? previous?.LinkedId ?? uid,
            e["Channel"] ?? previous?.Name ?? "",
            e["ChannelState"] is null ? previous?.State ?? 0 : state,
            e["CallerIDNum"] ?? previous?.CallerIdNum ?? "",
            e["CallerIDName"] ?? previous?.CallerIdName ?? "",
            e["ConnectedLineNum"] ?? previous?.ConnectedNum ?? "",
            e["ConnectedLineName"] ?? previous?.ConnectedName ?? "",
            previous?.OnHold ?? false);
    }
}
