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
        LineCallEnded e => this with { Channels = Channels.Where(x => x.UniqueId != e.UniqueId).ToArray(), Seq = e.Seq },
        LineDeviceStateChanged d => this with { DeviceState = d.DeviceState, Seq = d.Seq },
        LineConfigured c => this with { Config = c.Config, Seq = c.Seq },
        _ => this with { Seq = delta.Seq },
    };

    /// <summary>The channels, in uniqueid order, with <paramref name="call"/> in its place (one pass: a busy line has hundreds).</summary>
    private Channel[] With(Channel call)
    {
        var channels = new List<Channel>(Channels.Count + 1);
        var placed = false;
        foreach (var x in Channels)
        {
            if (x.UniqueId == call.UniqueId) continue;
            if (!placed && string.CompareOrdinal(x.UniqueId, call.UniqueId) > 0)
            {
                channels.Add(call);
                placed = true;
            }
            channels.Add(x);
        }
        if (!placed) channels.Add(call);
        return channels.ToArray();
    }
}
