using Xuc.Ami.Framing;

namespace Xuc.Ami.Recording;

/// <summary>One thing a capture holds, with the time it happened when the capture says.</summary>
public abstract record CaptureItem(DateTimeOffset? At);

/// <summary>A connection's banner (<c>Asterisk Call Manager/7.0.3</c>): a new connection starts here.</summary>
public sealed record CapturedBanner(DateTimeOffset? At, string Banner) : CaptureItem(At);

/// <summary>A message the PBX sent (an event or a response).</summary>
public sealed record CapturedMessage(DateTimeOffset? At, AmiMessage Message) : CaptureItem(At);

/// <summary>An action the recording client sent (from a <c>;; … sent ACTION ID</c> comment).</summary>
public sealed record CapturedAction(DateTimeOffset? At, string Action, string ActionId) : CaptureItem(At);

/// <summary>What <see cref="AmiCaptureReader"/> made of a capture: its items in order and what it left out.</summary>
public sealed record AmiCapture(
    IReadOnlyList<CaptureItem> Items,
    int SkippedLines,
    int SkippedActions,
    int DuplicateEvents)
{
    public IEnumerable<AmiMessage> Messages => Items.OfType<CapturedMessage>().Select(m => m.Message);
}
