using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.History;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.History;

/// <summary>
/// Reads the call history for the four history commands (<see cref="HistoryFeature"/>). The checks against the
/// node's settings (size cap, retention) come first and a refusal is one <c>Error</c> with a reason; reading never
/// changes anything.
/// </summary>
public sealed class CallHistoryHandler :
    ICtiCommandHandler<GetUserCallHistory>, ICtiCommandHandler<GetAgentCallHistory>,
    ICtiCommandHandler<GetQueueCallHistory>, ICtiCommandHandler<GetUserCallHistoryByDays>
{
    public const string UnknownQueue = "UnknownQueue";
    public const string NotAnAgent = "NotAnAgent";
    public const string Unavailable = "HistoryUnavailable";

    public void Handle(GetUserCallHistory command, SessionContext session) =>
        Run(HistoryFeature.User, session, async service =>
            (ICtiMessage?)CheckSize(HistoryFeature.User, command.Size, service.Settings)
            ?? Reply(CallHistoryMessage.History, session.User.Line is { } line ? await service.Store.OfLineAsync(line.Interface, (int)command.Size) : [], service));

    public void Handle(GetAgentCallHistory command, SessionContext session) =>
        Run(HistoryFeature.Agent, session, async service =>
        {
            if (CheckSize(HistoryFeature.Agent, command.Size, service.Settings) is { } refused) return refused;
            var user = session.User;
            if (user.User.AgentId is not { } agentId) return new CtiError(NotAnAgent, $"{HistoryFeature.Agent}: {user.User.Login} is not an agent");
            return Reply(CallHistoryMessage.History, await service.Store.OfAgentAsync(agentId.ToString(), (int)command.Size), service);
        });

    public void Handle(GetQueueCallHistory command, SessionContext session) =>
        Run(HistoryFeature.Queue, session, async service =>
        {
            if (CheckSize(HistoryFeature.Queue, command.Size, service.Settings) is { } refused) return refused;
            var user = session.User;
            var part = command.Queue.Trim();
            var queues = await VisibleQueuesAsync(service.Config, user);
            var matching = part.Length == 0 ? [] : queues.Where(q => q.Name.Contains(part, StringComparison.OrdinalIgnoreCase)).Select(q => q.Name).ToList();
            if (matching.Count == 0)
                return new CtiError(UnknownQueue,
                    $"{HistoryFeature.Queue}: no queue{(user.Profile == ProfileKind.Supervisor ? " of your profile" : "")} has a name containing '{(part.Length > 80 ? part[..80] + "…" : part)}'");
            return Reply(CallHistoryMessage.History, await service.Store.OfQueuesAsync(matching, (int)command.Size), service);
        });

    public void Handle(GetUserCallHistoryByDays command, SessionContext session) =>
        Run(HistoryFeature.UserByDays, session, async service =>
        {
            var settings = service.Settings;
            if (command.Days < 1 || command.Days > settings.RetentionDays)
                return new CtiError(CtiErrors.InvalidArgument,
                    $"{HistoryFeature.UserByDays}: days must be from 1 to {settings.RetentionDays} (the history keeps {settings.RetentionDays} days, xuc.history.retention-days), not {command.Days}");
            var rows = session.User.Line is { } line
                ? await service.Store.OfLineSinceAsync(line.Interface, service.Clock.GetUtcNow().AddDays(-command.Days), settings.MaxSize)
                : [];
            return Reply(CallHistoryMessage.ByDays, rows, service);
        });

    private static void Run(string command, SessionContext session, Func<CallHistoryService, Task<ICtiMessage>> read)
    {
        if (session.Service<CallHistoryService>() is not { } service)
        {
            session.Push(new CtiError(Unavailable, $"{command}: the call history is not available on this server"));
            return;
        }
        session.Reply(command, ReadAsync(command, service, read));
    }

    private static async Task<ICtiMessage> ReadAsync(string command, CallHistoryService service, Func<CallHistoryService, Task<ICtiMessage>> read)
    {
        try
        {
            return await read(service);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CtiError(Unavailable, $"{command}: the call history could not be read: {e.GetBaseException().Message}");
        }
    }

    private static CtiError? CheckSize(string command, long size, CallHistorySettings settings)
    {
        if (size > settings.MaxSize)
            return new CtiError(CtiErrors.InvalidArgument,
                $"{command}: size {size} is over the cap of {settings.MaxSize} calls (xuc.history.max-size, XUC_HISTORY_MAX_SIZE); ask for 1 to {settings.MaxSize}");
        return size < 1 ? new CtiError(CtiErrors.InvalidArgument, $"{command}: size must be at least 1, not {size}") : null;
    }

    /// <summary>An Admin sees every queue; a Supervisor the queues of his profile (PROTOCOL.md §3).</summary>
    private static async Task<IReadOnlyList<Configuration.Model.Queue>> VisibleQueuesAsync(ConfigStore config, SessionUser user)
    {
        var all = (await config.ListAsync(ConfigKinds.Queue)).Cast<Configuration.Model.Queue>().ToList();
        if (user.Profile != ProfileKind.Supervisor || user.User.RightProfileId is not { } profileId) return all;
        var profile = (RightProfile?)await config.GetAsync(ConfigKinds.RightProfile, profileId.ToString());
        return profile is null ? all : all.Where(q => profile.QueueIds.Contains(q.Id)).ToList();
    }

    private static CallHistoryMessage Reply(string msgType, IReadOnlyList<CallRecord> rows, CallHistoryService service)
    {
        var now = service.Clock.GetUtcNow();
        return new CallHistoryMessage(msgType, rows.Select(r => CallHistoryEntry.Of(r, now)).ToList());
    }
}
