using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Entities.Line;

/// <summary>The deltas that take a line from one state to the next, numbered from <c>seq + 1</c>.</summary>
public static class LineDeltas
{
    public static List<ILineDelta> Between(LineState before, LineState after, ref long seq)
    {
        var deltas = new List<ILineDelta>();
        var id = after.LineId;
        foreach (var (uid, call) in after.Channels.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var known = before.Channels.TryGetValue(uid, out var was);
            var shows = after.PhoneCallOf(call);
            // A configuration change (the line's number) changes the phone call of an unchanged channel.
            if (!known || was != call || before.PhoneCallOf(was!) != shows) deltas.Add(new LineCallChanged(id, ++seq, call, shows));
        }
        foreach (var (uid, was) in before.Channels.Where(k => !after.Channels.ContainsKey(k.Key)).OrderBy(k => k.Key, StringComparer.Ordinal))
            deltas.Add(new LineCallEnded(id, ++seq, uid, before.PhoneCallOf(was) is { } last ? last with { EventType = PhoneEventTypes.Released } : null));
        if (before.DeviceState != after.DeviceState) deltas.Add(new LineDeviceStateChanged(id, ++seq, after.DeviceState));
        if (before.Config != after.Config) deltas.Add(new LineConfigured(id, ++seq, after.Config));
        return deltas;
    }
}
