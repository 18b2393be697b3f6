using Xuc.Ami.Events;
using Xuc.Ami.Framing;
using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Ami;

/// <summary>
/// An AMI event → the serialisable form that crosses the cluster and that every entity reads (the one event
/// vocabulary of the hot path: name + headers in wire order, docs/architecture.md "One event vocabulary").
/// </summary>
public static class AmiEventConversion
{
    /// <summary>Straight from the framed message: nothing typed is built on the way.</summary>
    public static AmiEventData ToData(AmiMessage m) => new(m.EventName ?? "", m.HeaderArray());

    public static AmiEventData ToData(AmiEvent e) => ToData(e.Message);
}
