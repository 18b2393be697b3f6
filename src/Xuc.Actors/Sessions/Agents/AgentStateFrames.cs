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
        AgentStatus.Dialing => "AgentDialing",
        _ => "AgentLoggedOut",
    };

    /// <summary>PAUSED / ACTIVE after monitorPause / monitorUnpause on this call; DISABLED when Xuc knows of no recording.</summary>
    public static string MonitorState(AgentState s) => s.MonitorPaused switch { true => "PAUSED", false => "ACTIVE", null => "DISABLED" };

    public static AgentStateEvent Of(AgentState s, DateTimeOffset now)
    {
        var since = s.Since == DateTimeOffset.MinValue ? 0 : Math.Max(0, (long)(now - s.Since).TotalSeconds);
        var frame = new AgentStateEvent(NameOf(s.Status), int.Parse(s.AgentId, CultureInfo.InvariantCulture), s.PhoneNumber ?? "", since,
            s.Memberships.Where(m => m.QueueId > 0).Select(m => m.QueueId).ToArray(), s.PauseReason ?? "");
        if (s.Status != AgentStatus.OnCall) return frame;
        // A queue call reached the agent through app_queue (acd, incoming); his own call is acd false, in the direction
        // he placed or took it. Internal: the other party is a configured line. The recording's state is what monitorPause / monitorUnpause left.
        return s.CallStatus == AgentStatus.OnCall
            ? frame with { Acd = true, Direction = "Incoming", CallType = s.Call?.Internal == true ? "Internal" : "External", MonitorState = MonitorState(s) }
            : frame with
            {
                Acd = false, Direction = s.OwnCall?.Outbound == true ? "Outgoing" : "Incoming",
                CallType = s.OwnCall?.Internal == true ? "Internal" : "External", MonitorState = MonitorState(s),
            };
    }
}
