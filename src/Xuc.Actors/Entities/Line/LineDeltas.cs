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
            if (!before.Channels.TryGetValue(uid, out var was) || was != call) deltas.Add(new LineCallChanged(id, ++seq, call));
        foreach (var uid in before.Channels.Keys.Where(k => !after.Channels.ContainsKey(k)).Order(StringComparer.Ordinal))
            deltas.Add(new LineCallEnded(id, ++seq, uid));
        if (before.DeviceState != after.DeviceState) deltas.Add(new LineDeviceStateChanged(id, ++seq, after.DeviceState));
        if (before.Config != after.Config) deltas.Add(new LineConfigured(id, ++seq, after.Config));
        return deltas;
    }
}
