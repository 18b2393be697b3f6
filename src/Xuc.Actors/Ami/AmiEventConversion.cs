using Xuc.Ami.Events;
using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Ami;

/// <summary>An AMI client event → the serialisable form that crosses the cluster.</summary>
public static class AmiEventConversion
{
    public static AmiEventData ToData(AmiEvent e) => new(e.Name, e.Message.Headers.ToArray());
}
