using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Entities.Line;

/// <summary>The deltas that take a line from one state to the next, numbered from <c>seq + 1</c>.</summary>
public static class LineDeltas
{
    public static List<ILineDelta> Between(LineState before, LineState after, ref long seq)
    {
        var deltas = new List<ILineDelta>();
        var id = after.LineId;
        // A busy line has hundreds of channels and an event changes one: an untouched channel (the same instance) under
        // the same configuration shows the same call, so only the others are compared, then numbered in uniqueid order.
        var sameConfig = Equals(before.Config, after.Config);
        var changed = new List<(string Uid, Channel Call, PhoneCall? Shows)>();
        var known = 0;
        foreach (var (uid, call) in after.Channels)
        {
            var isKnown = before.Channels.TryGetValue(uid, out var was);
            if (isKnown) known++;
            if (isKnown && sameConfig && ReferenceEquals(was, call)) continue;
            var shows = after.PhoneCallOf(call);
            // A configuration change (the line's number) changes the phone call of an unchanged channel.
            if (!isKnown || was != call || before.PhoneCallOf(was!) != shows) changed.Add((uid, call, shows));
        }
        foreach (var (_, call, shows) in changed.OrderBy(c => c.Uid, StringComparer.Ordinal)) deltas.Add(new LineCallChanged(id, ++seq, call, shows));
        if (known < before.Channels.Count)
            foreach (var (uid, was) in before.Channels.Where(k => !after.Channels.ContainsKey(k.Key)).OrderBy(k => k.Key, StringComparer.Ordinal))
                deltas.Add(new LineCallEnded(id, ++seq, uid, before.PhoneCallOf(was) is { } last ? last with { EventType = PhoneEventTypes.Released } : null));
        if (before.DeviceState != after.DeviceState) deltas.Add(new LineDeviceStateChanged(id, ++seq, after.DeviceState));
        if (before.Config != after.Config) deltas.Add(new LineConfigured(id, ++seq, after.Config));
        return deltas;
    }
}
