using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Entities.Agent;

/// <summary>
/// The facts an app_queue member event establishes about an agent, given what is recorded: the PBX is the truth, so
/// a member added, removed or paused from the PBX side (another tool, the CLI, autopause) is recorded like one of ours.
/// </summary>
public static class AgentDerivation
{
    /// <param name="queueIdOf">The configured id of a queue by its Asterisk name (0 when not configured).</param>
    /// <param name="phoneOf">The line number of a device (<c>PJSIP/1001</c> → 1001), when configured.</param>
    /// <param name="memberName">The agent's own QueueAdd MemberName (<c>Agent/2001</c>): a member named after another
    /// agent is his, even on this agent's line (a takeover whose routing has not caught up).</param>
    public static IReadOnlyList<IAgentEvent> FactsOf(AgentState s, AmiEventData e, Func<string, int> queueIdOf, Func<string, string?> phoneOf, DateTimeOffset now,
        string? memberName = null)
    {
        var facts = new List<IAgentEvent>();
        var queue = e["Queue"];
        if (string.IsNullOrEmpty(queue)) return facts;
        var name = e["MemberName"] ?? e["Name"];
        if (memberName is not null && name is not null && name.StartsWith("Agent/", StringComparison.Ordinal) && name != memberName) return facts;
        var member = e["Interface"] ?? e["Location"] ?? e["MemberInterface"];
        switch (e.Name)
        {
            // QueueMember: an item of QueueStatus (a resync), read as "he is in this queue, paused or not".
            case "QueueMemberAdded" or "QueueMember" when member is not null:
            {
                var device = e["StateInterface"] is { Length: > 0 } si ? si : member;
                if (!s.LoggedIn) facts.Add(new AgentLoggedIn(s.AgentId, phoneOf(device) ?? s.PhoneNumber ?? device, device, now));
                var known = s.LoggedIn ? s.Memberships.FirstOrDefault(m => m.Queue == queue) : null;
                if (known is null || known.Interface != member) facts.Add(new AgentQueueJoined(s.AgentId, queue, queueIdOf(queue), member, now));
                var paused = e["Paused"] == "1";
                if (paused && (!s.Paused || s.PauseReason != Reason(e) || !s.LoggedIn)) facts.Add(new AgentPaused(s.AgentId, Reason(e), now));
                else if (!paused && s.LoggedIn && s.Paused && e.Name == "QueueMember") facts.Add(new AgentUnpaused(s.AgentId, now));
                break;
            }
            case "QueueMemberRemoved" when s.LoggedIn && s.Memberships.Any(m => m.Queue == queue):
                facts.Add(new AgentQueueLeft(s.AgentId, queue, now));
                if (s.Memberships.Count == 1) facts.Add(new AgentLoggedOut(s.AgentId, now));
                break;
            case "QueueMemberPause" when s.LoggedIn:
                if (e["Paused"] == "1")
                {
                    if (!s.Paused || s.PauseReason != Reason(e)) facts.Add(new AgentPaused(s.AgentId, Reason(e), now));
                }
                else if (s.Paused) facts.Add(new AgentUnpaused(s.AgentId, now));
                break;
        }
        return facts;
    }

    /// <summary>
    /// After a reconnection or a restart: the queues QueueStatus listed for the agent (its <c>QueueMember</c> items are
    /// applied as events first); the recorded queues missing from the list are left, and with none left he is logged out.
    /// </summary>
    public static IReadOnlyList<IAgentEvent> Reconcile(AgentState s, IReadOnlyCollection<string> queuesListed, DateTimeOffset now)
    {
        if (!s.LoggedIn) return [];
        var gone = s.Memberships.Where(m => !queuesListed.Contains(m.Queue)).ToList();
        var facts = new List<IAgentEvent>(gone.Select(m => new AgentQueueLeft(s.AgentId, m.Queue, now)));
        if (gone.Count > 0 && gone.Count == s.Memberships.Count) facts.Add(new AgentLoggedOut(s.AgentId, now));
        return facts;
    }

    private static string Reason(AmiEventData e) => e["PausedReason"] ?? e["Reason"] ?? "";
}
