using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

/// <summary>An unsolicited AMI event. Typed subclasses name their headers; any header stays reachable by name.</summary>
public abstract class AmiEvent(AmiMessage message)
{
    public AmiMessage Message { get; } = message;
    public string Name => Message.EventName ?? "";
    public string? this[string header] => Message[header];
    public string Get(string header) => Message[header] ?? "";
    /// <summary>A header Asterisk always writes (0 only if a broken PBX sends no number).</summary>
    protected int Int(string header) => int.TryParse(Message[header], out var v) ? v : 0;
    /// <summary>A header Asterisk may leave out (older versions, optional fields): null when absent or not a number.</summary>
    protected int? OptionalInt(string header) => int.TryParse(Message[header], out var v) ? v : null;
    public override string ToString() => Message.ToString();
}

/// <summary>An event Xuc has no class for: it still flows, with generic header access.</summary>
public sealed class UnknownEvent(AmiMessage message) : AmiEvent(message);
