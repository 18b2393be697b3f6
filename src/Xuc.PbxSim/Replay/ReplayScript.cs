using System.Text;
using Xuc.Ami.Framing;
using Xuc.Ami.Recording;

namespace Xuc.PbxSim.Replay;

/// <summary>A step of a replay: an event to stream, or a recorded answer to an action.</summary>
public abstract record ReplayStep(DateTimeOffset? At);

/// <summary>An unsolicited event, already as wire text.</summary>
public sealed record EventStep(DateTimeOffset? At, string Text) : ReplayStep(At);

/// <summary>
/// What the PBX answered to one action of the recording client: the response and, for a list, its items up to the
/// <c>…Complete</c> event. Served to the replay client's action of the same name, with its ActionID.
/// </summary>
public sealed record AnswerStep(DateTimeOffset? At, string Action, IReadOnlyList<AmiMessage> Messages) : ReplayStep(At)
{
    /// <summary>The answer as wire text carrying <paramref name="actionId"/> in place of the recorded one.</summary>
    public string TextFor(string? actionId)
    {
        var sb = new StringBuilder();
        foreach (var m in Messages)
        {
            foreach (var (name, value) in m.Headers)
            {
                if (name.Equals("ActionID", StringComparison.OrdinalIgnoreCase))
                {
                    if (actionId is not null) sb.Append(name).Append(": ").Append(actionId).Append("\r\n");
                    continue;
                }
                sb.Append(name).Append(": ").Append(value).Append("\r\n");
            }
            sb.Append("\r\n");
        }
        return sb.ToString();
    }
}

/// <summary>
/// A capture turned into what a replay serves. Events without an ActionID are streamed in order (FullyBooted aside:
/// the replay sends its own at login). Responses and list items are grouped by ActionID into an answer named after
/// the action the recording says was sent (<c>;; … sent</c>), or after its list's <c>…Complete</c> event; answers to
/// the actions the replay answers itself (Login, Challenge, Ping, Events, Logoff) and answers of unknown actions are
/// left out. An event carrying an ActionID outside any list (OriginateResponse) streams as an event.
/// </summary>
public sealed class ReplayScript
{
    /// <summary>Actions a replay session answers itself, never from the recording.</summary>
    public static readonly HashSet<string> LiveActions = new(StringComparer.OrdinalIgnoreCase) { "Login", "Challenge", "Ping", "Events", "Logoff" };

    private ReplayScript(IReadOnlyList<ReplayStep> steps, string? banner, int droppedAnswers)
    {
        Steps = steps;
        Banner = banner;
        DroppedAnswers = droppedAnswers;
        FirstAt = steps.Select(s => s.At).FirstOrDefault(a => a is not null);
    }

    public IReadOnlyList<ReplayStep> Steps { get; }
    /// <summary>The first banner of the recording (the replay announces its own AMI version).</summary>
    public string? Banner { get; }
    /// <summary>Recorded answers left out (to live or unknown actions).</summary>
    public int DroppedAnswers { get; }
    public DateTimeOffset? FirstAt { get; }
    public int EventCount => Steps.Count(s => s is EventStep);
    public int AnswerCount => Steps.Count(s => s is AnswerStep);

    public static ReplayScript From(AmiCapture capture)
    {
        var sentActions = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new Dictionary<string, (int Index, List<AmiMessage> Messages, DateTimeOffset? At)>(StringComparer.Ordinal);
        var steps = new List<ReplayStep?>();
        string? banner = null;
        foreach (var item in capture.Items)
        {
            switch (item)
            {
                case CapturedBanner b:
                    banner ??= b.Banner;
                    break;
                case CapturedAction a:
                    sentActions[a.ActionId] = a.Action;
                    break;
                case CapturedMessage { Message: var m } cm:
                {
                    var id = m.ActionId;
                    if (id is not null && open.TryGetValue(id, out var group))
                    {
                        group.Messages.Add(m);
                        if (m.IsEvent && m.ValueEquals("EventList", "Complete"))
                        {
                            open.Remove(id);
                            var name = sentActions.GetValueOrDefault(id) ?? (m.EventName is { } e && e.EndsWith("Complete", StringComparison.Ordinal) ? e[..^8] : null);
                            steps[group.Index] = name is null ? null : new AnswerStep(group.At, name, group.Messages);
                        }
                        break;
                    }
                    if (m.IsResponse)
                    {
                        if (id is null) break;
                        if (m.ValueEquals("EventList", "start"))
                        {
                            open[id] = (steps.Count, [m], cm.At);
                            steps.Add(null); // filled in when the list completes
                            break;
                        }
                        if (sentActions.GetValueOrDefault(id) is { } action) steps.Add(new AnswerStep(cm.At, action, [m]));
                        else steps.Add(null);
                        break;
                    }
                    if (m.IsEvent && m.EventName != "FullyBooted") steps.Add(new EventStep(cm.At, WireText(m)));
                    break;
                }
            }
        }
        var kept = new List<ReplayStep>();
        var dropped = 0;
        foreach (var step in steps)
        {
            if (step is null || step is AnswerStep a && LiveActions.Contains(a.Action)) { dropped++; continue; }
            kept.Add(step);
        }
        return new ReplayScript(kept, banner, dropped);
    }

    public static ReplayScript Load(string path) => From(AmiCaptureReader.ReadFile(path));

    private static string WireText(AmiMessage m)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in m.Headers) sb.Append(name).Append(": ").Append(value).Append("\r\n");
        return sb.Append("\r\n").ToString();
    }
}
