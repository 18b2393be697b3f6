using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Ami;

/// <summary>
/// The router's memory of each call (by linkedid): its live channels, the lines they are on, the queue the call
/// came through (QueueCallerJoin, AgentCalled) and its attached data (VarSet of <c>XIVO_*</c> / <c>USR_*</c> on any of
/// its channels; <c>_X</c> / <c>__X</c>, the inherited forms, count as <c>X</c>). Local channels are channels of the
/// call (the caller's linkedid), not lines; the phone their <c>;2</c> half dials is.
/// Bounded: a call is known from its first channel's Newchannel (or CoreShowChannel) and forgotten when its last
/// channel hangs up, or at a resync when the PBX lists none of its channels any more; data for a call not known is
/// dropped, and only the two kept prefixes are stored.
/// </summary>
public sealed class CallContexts
{
    private sealed class Call
    {
        public readonly HashSet<string> Channels = new(StringComparer.Ordinal);
        public readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase);
        public string? Queue;
        public IReadOnlyDictionary<string, string> Data = PhoneCall.Empty;
    }

    private readonly Dictionary<string, Call> _calls = new(StringComparer.Ordinal);

    /// <summary>How many calls are remembered (for tests: it goes back to zero).</summary>
    public int Count => _calls.Count;

    /// <summary>Folds one event; returns the context messages to send the lines (after the event itself).</summary>
    public IReadOnlyList<LineCallContext> Observe(AmiEventData e)
    {
        var linkedId = e["Linkedid"];
        var uid = e["Uniqueid"];
        if (linkedId is null) return [];
        switch (e.Name)
        {
            case "Newchannel":
            case "CoreShowChannel":
            {
                if (uid is null) return [];
                if (!_calls.TryGetValue(linkedId, out var call)) _calls[linkedId] = call = new Call();
                call.Channels.Add(uid);
                if (DeviceName.FromChannel(e["Channel"]) is not { } line) return [];
                call.Lines.Add(line);
                // Each channel of a line that joins gets the context (a line may have two channels in one call).
                return HasContext(call) ? [new LineCallContext(line, linkedId, call.Queue, call.Data)] : [];
            }
            case "Hangup":
            {
                if (uid is not null && _calls.TryGetValue(linkedId, out var call) && call.Channels.Remove(uid) && call.Channels.Count == 0)
                    _calls.Remove(linkedId);
                return [];
            }
            case "QueueCallerJoin":
            case "AgentCalled":
            {
                if (!_calls.TryGetValue(linkedId, out var call) || e["Queue"] is not { Length: > 0 } queue || queue == call.Queue) return [];
                call.Queue = queue;
                return ToLines(linkedId, call);
            }
            case "VarSet":
            {
                if (!_calls.TryGetValue(linkedId, out var call) || KeptName(e["Variable"]) is not { } name) return [];
                var value = e["Value"] ?? "";
                if (call.Data.TryGetValue(name, out var was) && was == value) return [];
                call.Data = new Dictionary<string, string>(call.Data) { [name] = value };
                return ToLines(linkedId, call);
            }
            default:
                return [];
        }
    }

    /// <summary>The lines with a channel in the call (none for a call not known).</summary>
    public IReadOnlyCollection<string> LinesOf(string linkedId) => _calls.TryGetValue(linkedId, out var call) ? call.Lines : [];

    /// <summary>After a resync: the channels the PBX no longer lists are gone, and so are the calls left with none.</summary>
    public void KeepOnly(IReadOnlySet<string> aliveUniqueids)
    {
        foreach (var (linkedId, call) in _calls.ToList())
        {
            call.Channels.IntersectWith(aliveUniqueids);
            if (call.Channels.Count == 0) _calls.Remove(linkedId);
        }
    }

    /// <summary><c>XIVO_*</c> and <c>USR_*</c> variables, named without the inheritance prefix; null for any other.</summary>
    public static string? KeptName(string? variable)
    {
        if (variable is null) return null;
        var name = variable.StartsWith("__", StringComparison.Ordinal) ? variable[2..] : variable.StartsWith('_') ? variable[1..] : variable;
        return name.StartsWith("XIVO_", StringComparison.Ordinal) || name.StartsWith("USR_", StringComparison.Ordinal) ? name : null;
    }

    private static bool HasContext(Call call) => call.Queue is not null || call.Data.Count > 0;

    private static List<LineCallContext> ToLines(string linkedId, Call call)
        => call.Lines.Select(line => new LineCallContext(line, linkedId, call.Queue, call.Data)).ToList();
}
