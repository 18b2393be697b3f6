using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

/// <summary>An unsolicited AMI event. Typed subclasses name their headers; any header stays reachable by name.</summary>
public abstract class AmiEvent(AmiMessage message)
{
    public AmiMessage Message { get; } = message;
    public string Name => Message.EventName ?? "";
    public string? this[string header] => Message[header];
    public string Get(string header) => Message[header] ?? "";
    protected int Int(string header) => int.TryParse(Message[header], out var v) ? v : 0;
    public override string ToString() => Message.ToString();
}

/// <summary>An event Xuc has no class for: it still flows, with generic header access.</summary>
public sealed class UnknownEvent(AmiMessage message) : AmiEvent(message);
