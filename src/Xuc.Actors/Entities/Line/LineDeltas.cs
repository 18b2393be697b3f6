using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Entities.Line;

/// <summary>The deltas that take a line from one state to the next, numbered from <c>seq + 1</c>.</summary>
public static class LineDeltas
{
    /// <param name="touched">
    /// The only uniqueids whose channels may differ between the two states (what one AMI event can change:
    /// <see cref="LineState.ChannelsTouchedBy"/>), so a busy line's hundreds of other channels are not looked at;
    /// null compares every channel (a call context, a reconciliation, a configuration change).
    /// </param>
    public static List<ILineDelta> Between(LineState before, LineState after, ref long seq, IReadOnlyCollection<string>? touched = null)
    {
        var deltas = new List<ILineDelta>();
        var id = after.LineId;
        var (changed, ended) = touched is null ? Compare(before, after) : Compare(before, after, touched);
        foreach (var (_, call, shows) in changed.OrderBy(c => c.Uid, StringComparer.Ordinal)) deltas.Add(new LineCallChanged(id, ++seq, call, shows));
        foreach (var (uid, was) in ended.OrderBy(e => e.Uid, StringComparer.Ordinal))
            deltas.Add(new LineCallEnded(id, ++seq, uid, before.PhoneCallOf(was) is { } last ? last with { EventType = PhoneEventTypes.Released } : null));
        if (before.DeviceState != after.DeviceState) deltas.Add(new LineDeviceStateChanged(id, ++seq, after.DeviceState));
        if (before.Config != after.Config) deltas.Add(new LineConfigured(id, ++seq, after.Config));
        return deltas;
    }

    private static (List<(string Uid, Channel Call, PhoneCall? Shows)> Changed, List<(string Uid, Channel Was)> Ended) Compare(LineState before, LineState after)
    {
        // An untouched channel (the same instance) under the same configuration shows the same call.
        var sameConfig = Equals(before.Config, after.Config);
        var changed = new List<(string, Channel, PhoneCall?)>();
        var known = 0;
        foreach (var (uid, call) in after.Channels)
        {
            var isKnown = before.Channels.TryGetValue(uid, out var was);
            if (isKnown) known++;
            if (isKnown && sameConfig && ReferenceEquals(was, call)) continue;
            if (Changed(before, after, was, call) is { } change) changed.Add(change);
        }
        var ended = known == before.Channels.Count ? []
            : before.Channels.Where(k => !after.Channels.ContainsKey(k.Key)).Select(k => (k.Key, k.Value)).ToList();
        return (changed, ended);
    }

    private static (List<(string Uid, Channel Call, PhoneCall? Shows)> Changed, List<(string Uid, Channel Was)> Ended) Compare(LineState before, LineState after, IReadOnlyCollection<string> touched)
    {
        var changed = new List<(string, Channel, PhoneCall?)>();
        var ended = new List<(string, Channel)>();
        foreach (var uid in touched.Distinct(StringComparer.Ordinal))
        {
            var wasThere = before.Channels.TryGetValue(uid, out var was);
            if (after.Channels.TryGetValue(uid, out var call))
            {
                if (Changed(before, after, was, call) is { } change) changed.Add(change);
            }
            else if (wasThere) ended.Add((uid, was!));
        }
        return (changed, ended);
    }

    /// <summary>A channel new or changed, or whose call shows differently (a configuration change: the line's number).</summary>
    private static (string, Channel, PhoneCall?)? Changed(LineState before, LineState after, Channel? was, Channel call)
    {
        var shows = after.PhoneCallOf(call);
        return was is null || was != call || before.PhoneCallOf(was) != shows ? (call.UniqueId, call, shows) : null;
    }
}
