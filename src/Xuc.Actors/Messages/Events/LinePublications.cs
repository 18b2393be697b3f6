using Xuc.Actors.Entities.Line;
using LineConfig = Xuc.Actors.Configuration.Model.Line;

namespace Xuc.Actors.Messages.Events;

/// <summary>A line's deltas, published on <c>line:&lt;device&gt;</c> after its <see cref="LineSnapshot"/>.</summary>
public interface ILineDelta : IEntityDelta
{
    string LineId { get; }
}

/// <summary>
/// A call (channel) appeared on the line or changed (state, connected party, hold, queue, data). <see cref="Event"/>:
/// the phone call it now shows as (null while not shown: an incoming channel not ringing yet).
/// </summary>
public sealed record LineCallChanged(string LineId, long Seq, Channel Call, PhoneCall? Event = null) : ILineDelta;

/// <summary>
/// A call (channel) left the line: hung up, or gone while the AMI link was down. <see cref="Released"/>: its last
/// phone call as EventReleased (null when it was never shown).
/// </summary>
public sealed record LineCallEnded(string LineId, long Seq, string UniqueId, PhoneCall? Released = null) : ILineDelta;

/// <summary>The device's state changed (Asterisk's device state, e.g. NOT_INUSE, INUSE, RINGING, UNAVAILABLE).</summary>
public sealed record LineDeviceStateChanged(string LineId, long Seq, string DeviceState) : ILineDelta;

/// <summary>The line's configuration changed; null: no longer configured.</summary>
public sealed record LineConfigured(string LineId, long Seq, LineConfig? Config) : ILineDelta;
