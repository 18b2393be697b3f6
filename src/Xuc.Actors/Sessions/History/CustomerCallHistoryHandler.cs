using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.History;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.History;

/// <summary>
/// <c>findCustomerCallHistory</c> (docs/cti-websocket.md, "Call history"): the calls from or to a customer's number,
/// one entry per call (its queue row when it went through a queue, else its line row), newest first, limited to what
/// the profile may see: an Admin every call; a Supervisor the calls of his queues and of his own line; a NoRight
/// user the calls of his own line and of the queues his agent is a member of.
/// </summary>
public sealed class CustomerCallHistoryHandler : ICtiCommandHandler<FindCustomerCallHistory>
{
    private const string Command = HistoryFeature.Customer;

    public void Handle(FindCustomerCallHistory command, SessionContext session) =>
        CallHistoryHandler.Run(Command, session, async service =>
        {
            if (CallHistoryHandler.CheckSize(Command, command.Size, service.Settings) is { } refused) return refused;
            string? src = null, dst = null;
            foreach (var f in command.Filters)
            {
                if (f.Operator != "=")
                    return new CtiError(CtiErrors.InvalidArgument, $"{Command}: operator '{f.Operator}' of filter '{f.Field}' is not supported; use '='");
                switch (f.Field)
                {
                    case "src_num": src = f.Value; break;
                    case "dst_num": dst = f.Value; break;
                    default: return new CtiError(CtiErrors.InvalidArgument, $"{Command}: filter field '{f.Field}' is not supported; use src_num or dst_num");
                }
            }
            if (src is null && dst is null) return new CtiError(CtiErrors.InvalidArgument, $"{Command}: give at least one filter (src_num or dst_num)");

            var user = session.User;
            var queues = (await service.Config.ListAsync(ConfigKinds.Queue)).Cast<Queue>().ToList();
            var (lines, shown) = await ScopeAsync(service.Config, user, queues);
            var size = (int)command.Size;
            // A call has a row per line and queue it reached: read enough to keep one per call.
            var rows = await service.Store.OfNumberAsync(src, dst, lines, shown, Math.Min(size * 4, service.Settings.MaxSize * 4));
            var calls = rows.GroupBy(r => r.CallId)
                .Select(g => g.FirstOrDefault(r => r.Queue is not null) ?? g.First())
                .OrderByDescending(r => r.Start).Take(size).ToList();
            var agents = await CallHistoryHandler.AgentsAsync(service.Config, calls);
            var list = calls.Select(r => Detail(r, agents, queues, service.Clock.GetUtcNow())).ToList();
            return new CustomerCallHistoryResponse(command.Id, new CustomerCallList(list.Count, list));
        });

    /// <summary>The lines and queues (by name) whose rows the user may read; both null: all.</summary>
    private static async Task<(IReadOnlyCollection<string>? Lines, IReadOnlyCollection<string>? Queues)> ScopeAsync(ConfigStore config, SessionUser user, IReadOnlyList<Queue> queues)
    {
        if (user.Profile == ProfileKind.Admin) return (null, null);
        IReadOnlyCollection<string> lines = user.Line is { } line ? [line.Interface] : [];
        if (user.Profile == ProfileKind.Supervisor)
            return (lines, (await CallHistoryHandler.VisibleQueuesAsync(config, user)).Select(q => q.Name).ToList());
        var agent = user.User.AgentId is { } id ? (Agent?)await config.GetAsync(ConfigKinds.Agent, id.ToString()) : null;
        var member = agent?.DefaultQueues.Select(m => m.QueueId).ToHashSet() ?? [];
        return (lines, queues.Where(q => member.Contains(q.Id)).Select(q => q.Name).ToList());
    }

    private static CustomerCallDetail Detail(CallRecord r, IReadOnlyDictionary<string, Agent> agents, IReadOnlyList<Queue> queues, DateTimeOffset now)
    {
        var agent = r.AgentId is { } id && agents.TryGetValue(id, out var a) ? a : null;
        var queue = r.Queue is { } name ? queues.FirstOrDefault(q => q.Name == name) : null;
        return new CustomerCallDetail(
            CallHistoryEntry.Time(r.Start),
            r.Answer is { } answered ? CallHistoryEntry.Elapsed((r.End ?? now) - answered) : null,
            CallHistoryEntry.Elapsed((r.Answer ?? r.End ?? now) - r.Start),
            agent is null ? null : CallHistoryHandler.AgentName(agent), agent?.Number,
            queue?.DisplayName ?? r.Queue, queue?.Number ?? (r.Queue is null ? null : r.DstNum),
            r.Status);
    }
}
