using LineConfig = Xuc.Actors.Configuration.Model.Line;

namespace Xuc.Actors.Entities.Line;

/// <summary>
/// A line's state as it crosses the cluster (query answers, topic publications): plain arrays,
/// because the immutable dictionaries of <see cref="LineState"/> do not survive the JSON wire format.
/// </summary>
public sealed record LineSnapshot(string LineId, IReadOnlyList<Channel> Channels, string DeviceState, LineConfig? Config = null)
{
    public static LineSnapshot Of(LineState s) => new(s.LineId, s.Channels.Values.OrderBy(c => c.UniqueId, StringComparer.Ordinal).ToArray(), s.DeviceState, s.Config);
}
