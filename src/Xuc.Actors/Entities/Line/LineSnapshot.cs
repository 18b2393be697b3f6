using Xuc.Actors.Messages.Events;
using LineConfig = Xuc.Actors.Configuration.Model.Line;

namespace Xuc.Actors.Entities.Line;

/// <summary>
/// A line's state as it crosses the cluster (query answers, a subscriber's starting point): plain arrays,
/// because the immutable dictionaries of <see cref="LineState"/> do not survive the JSON wire format.
/// <see cref="Seq"/>: the last delta it includes.
/// </summary>
public sealed record LineSnapshot(string LineId, IReadOnlyList<Channel> Channels, string DeviceState, LineConfig? Config = null, long Seq = 0) : IEntitySnapshot
{
    public static LineSnapshot Of(LineState s, long seq = 0) => new(s.LineId, s.Channels.Values.OrderBy(c => c.UniqueId, StringComparer.Ordinal).ToArray(), s.DeviceState, s.Config, seq);

    /// <summary>The calls the line shows now, as the PhoneEvents of its channels (derived, not sent: the channels carry them).</summary>
    [Newtonsoft.Json.JsonIgnore]
    public IReadOnlyList<PhoneCall> Calls => Channels.Select(c => PhoneCalls.Of(c, LineId, Config)).OfType<PhoneCall>().ToList();

    /// <summary>This snapshot with one delta applied (what a subscriber keeps).</summary>
    public LineSnapshot Apply(ILineDelta delta) => delta switch
    {
        LineCallChanged c => this with { Channels = With(c.Call), Seq = c.Seq },
        LineCallEnded e => this with { Channels = Without(e.UniqueId), Seq = e.Seq },
        LineDeviceStateChanged d => this with { DeviceState = d.DeviceState, Seq = d.Seq },
        LineConfigured c => this with { Config = c.Config, Seq = c.Seq },
        _ => this with { Seq = delta.Seq },
    };

    /// <summary>
    /// The channels (in uniqueid order, as <see cref="Of"/> and this keep them) with <paramref name="call"/> in its
    /// place: found by binary search, one copy (a busy line has hundreds).
    /// </summary>
    private Channel[] With(Channel call)
    {
        var (at, found) = IndexOf(call.UniqueId);
        var channels = new Channel[Channels.Count + (found ? 0 : 1)];
        for (var i = 0; i < at; i++) channels[i] = Channels[i];
        channels[at] = call;
        for (var i = found ? at + 1 : at; i < Channels.Count; i++) channels[i + (found ? 0 : 1)] = Channels[i];
        return channels;
    }

    private IReadOnlyList<Channel> Without(string uniqueId)
    {
        var (at, found) = IndexOf(uniqueId);
        if (!found) return Channels;
        var channels = new Channel[Channels.Count - 1];
        for (var i = 0; i < Channels.Count; i++)
            if (i != at) channels[i < at ? i : i - 1] = Channels[i];
        return channels;
    }

    /// <summary>Where <paramref name="uniqueId"/> is, or would go, in the ordered channels.</summary>
    private (int At, bool Found) IndexOf(string uniqueId)
    {
        var (low, high) = (0, Channels.Count - 1);
        while (low <= high)
        {
            var mid = low + (high - low) / 2;
            var order = string.CompareOrdinal(Channels[mid].UniqueId, uniqueId);
            if (order == 0) return (mid, true);
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return (low, false);
    }
}
