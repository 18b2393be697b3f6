namespace Xuc.Actors.PubSub;

/// <summary>DistributedPubSub topic names the sessions subscribe to.</summary>
public static class Topics
{
    public static string Line(string lineId) => "line:" + lineId;
    public static string Agent(string agentId) => "agent:" + agentId;
    /// <summary>Every agent's state, for each node's agent feed (<c>subscribeToAgentEvents</c>).</summary>
    public const string AllAgents = "agents";
    public static string Queue(string queueId) => "queue:" + queueId;
    /// <summary>What every session of one user must see (its status); keyed by login.</summary>
    public static string User(string login) => "user:" + login;
    /// <summary>A mailbox's MessageWaiting counts, keyed by <c>box@context</c> as Asterisk names it.</summary>
    public static string Mailbox(string mailbox) => "mailbox:" + mailbox;

    /// <summary>Every agent's login/logout, so routers learn which interface belongs to which agent.</summary>
    public const string AgentLogins = "agent-logins";

    /// <summary>Every queue's statistics changes (<see cref="Messages.Events.QueueStatsChanged"/>), for wallboards.</summary>
    public const string QueueStats = "queue-stats";

    /// <summary>Every agent's statistics changes (<see cref="Messages.Events.AgentStatsChanged"/>), for the agents' supervisors.</summary>
    public const string AgentStats = "agent-stats";

    /// <summary>Agents' configured queue membership changes (<see cref="Sessions.Membership.QueueMembersChanged"/>), for sessions that listed it.</summary>
    public const string QueueMembers = "queue-members";

    /// <summary>Configuration changes (QueueConfig, AgentConfig, ... later pushed to clients).</summary>
    public const string Config = "config";
}
