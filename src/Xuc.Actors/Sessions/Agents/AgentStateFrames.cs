using System.Globalization;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Agents;

/// <summary>An agent entity's state as the <c>AgentStateEvent</c> a client reads.</summary>
public static class AgentStateFrames
{
    public static string NameOf(AgentStatus status) => status switch
    {
        AgentStatus.Ready => "AgentReady",
        AgentStatus.Paused => "AgentOnPause",
        AgentStatus.Wrapup => "AgentOnWrapup",
        AgentStatus.Ringing => "AgentRinging",
        AgentStatus.OnCall => "AgentOnCall",
        _ => "AgentLoggedOut",
    };

    public static AgentStateEvent Of(AgentState s, DateTimeOffset now)
    {
        var since = s.Since == DateTimeOffset.MinValue ? 0 : Math.Max(0, (long)(now - s.Since).TotalSeconds);
        var frame = new AgentStateEvent(NameOf(s.Status), int.Parse(s.AgentId, CultureInfo.InvariantCulture), s.PhoneNumber ?? "", since,
            s.Memberships.Where(m => m.QueueId > 0).Select(m => m.QueueId).ToArray(), s.PauseReason ?? "");
        // A queue call reached the agent through app_queue: acd, incoming, from outside (callers join queues from the
        // outside world); no recording is known to Xuc yet.
        return s.Status == AgentStatus.OnCall
            ? frame with { Acd = s.Call is not null, Direction = "Incoming", CallType = "External", MonitorState = "DISABLED" }
            : frame;
    }
}
