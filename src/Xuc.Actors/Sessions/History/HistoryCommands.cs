using Xuc.Actors.Sessions.Commands;

namespace Xuc.Actors.Sessions.History;

// The call history's commands (docs/cti-websocket.md, "Call history"): size and days are JSON integers, queue a string.

/// <summary><c>getUserCallHistory {size}</c>: the calls of the user's line, newest first.</summary>
public sealed record GetUserCallHistory(long Size) : ICtiCommand;

/// <summary><c>getAgentCallHistory {size}</c>: the calls of the user's agent.</summary>
public sealed record GetAgentCallHistory(long Size) : ICtiCommand;

/// <summary><c>getQueueCallHistory {queue, size}</c>: the calls of the queues whose name contains <c>queue</c>.</summary>
public sealed record GetQueueCallHistory(string Queue, long Size) : ICtiCommand;

/// <summary><c>getUserCallHistoryByDays {days}</c>: the calls of the user's line over the last days.</summary>
public sealed record GetUserCallHistoryByDays(long Days) : ICtiCommand;

public sealed class HistoryFeature : ICtiFeature
{
    public const string User = "getUserCallHistory";
    public const string Agent = "getAgentCallHistory";
    public const string Queue = "getQueueCallHistory";
    public const string UserByDays = "getUserCallHistoryByDays";

    public IEnumerable<CtiCommandDefinition> Commands
    {
        get
        {
            var handler = new CallHistoryHandler();
            yield return CtiCommandDefinition.Of(User, CtiProfiles.Everyone, a => new GetUserCallHistory(a.Whole("size")), handler);
            yield return CtiCommandDefinition.Of(Agent, CtiProfiles.Everyone, a => new GetAgentCallHistory(a.Whole("size")), handler);
            // PROTOCOL.md §3: a queue's calls are not a NoRight user's own data.
            yield return CtiCommandDefinition.Of(Queue, CtiProfiles.Supervisors, a => new GetQueueCallHistory(a.String("queue"), a.Whole("size")), handler);
            yield return CtiCommandDefinition.Of(UserByDays, CtiProfiles.Everyone, a => new GetUserCallHistoryByDays(a.Whole("days")), handler);
        }
    }
}
