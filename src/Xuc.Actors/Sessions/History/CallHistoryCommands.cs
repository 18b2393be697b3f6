using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.History;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.History;

/// <summary>A session's answer to a history command, piped back to it.</summary>
public sealed record CallHistoryReply(ICtiMessage Message);

/// <summary>
/// <c>getUserCallHistory {size}</c>, <c>getAgentCallHistory {size}</c>, <c>getQueueCallHistory {queue, size}</c>,
/// <c>getUserCallHistoryByDays {days}</c> (docs/cti-websocket.md, "Call history"). The argument checks come first and
/// a refusal is one <c>Error</c> with a reason; reading never changes anything.
/// </summary>
public static class CallHistoryCommands
{
    public const string User = "getUserCallHistory";
    public const string Agent = "getAgentCallHistory";
    public const string Queue = "getQueueCallHistory";
    public const string UserByDays = "getUserCallHistoryByDays";

    public const string UnknownQueue = "UnknownQueue";
    public const string NotAnAgent = "NotAnAgent";
    public const string Unavailable = "HistoryUnavailable";

    public static bool Handles(string command) => command is User or Agent or Queue or UserByDays;

    /// <summary>The catalog's entries: <c>size</c> and <c>days</c> are JSON integers, <c>queue</c> a string.</summary>
    public static IEnumerable<CommandSpec> Specs(IReadOnlySet<ProfileKind> everyone, IReadOnlySet<ProfileKind> supervisors)
    {
        var size = new CommandArgument("size", [JTokenType.Integer]);
        yield return new CommandSpec(User, [size], everyone, true);
        yield return new CommandSpec(Agent, [size], everyone, true);
        // PROTOCOL.md §3: a queue's calls are not a NoRight user's own data.
        yield return new CommandSpec(Queue, [CommandArgument.String("queue"), size], supervisors, true);
        yield return new CommandSpec(UserByDays, [new CommandArgument("days", [JTokenType.Integer])], everyone, true);
    }

    public static async Task<CallHistoryReply> RunAsync(string command, JObject frame, SessionUser user, CallHistoryService? service)
    {
        if (service is null) return Error(Unavailable, $"{command}: the call history is not available on this server");
        var settings = service.Settings;
        try
        {
            switch (command)
            {
                case UserByDays:
                    if (Whole(frame["days"]) is not { } days || days < 1 || days > settings.RetentionDays)
                        return Error(CtiErrors.InvalidArgument,
                            $"{command}: days must be from 1 to {settings.RetentionDays} (the history keeps {settings.RetentionDays} days, xuc.history.retention-days), not {frame["days"]}");
                    var rows = user.Line is { } line
                        ? await service.Store.OfLineSinceAsync(line.Interface, service.Clock.GetUtcNow().AddDays(-days), settings.MaxSize)
                        : [];
                    return await ReplyAsync(CallHistoryMessage.ByDays, rows, service);
            }
            if (CheckSize(command, frame, settings) is { } refused) return refused;
            var size = (int)Whole(frame["size"])!.Value;
            switch (command)
            {
                case User:
                    return await ReplyAsync(CallHistoryMessage.History, user.Line is { } line ? await service.Store.OfLineAsync(line.Interface, size) : [], service);
                case Agent:
                    if (user.User.AgentId is not { } agentId) return Error(NotAnAgent, $"{command}: {user.User.Login} is not an agent");
                    return await ReplyAsync(CallHistoryMessage.History, await service.Store.OfAgentAsync(agentId.ToString(), size), service);
                default:
                    var part = ((string)frame["queue"]!).Trim();
                    var queues = await VisibleQueuesAsync(service.Config, user);
                    var matching = part.Length == 0 ? [] : queues.Where(q => q.Name.Contains(part, StringComparison.OrdinalIgnoreCase)).Select(q => q.Name).ToList();
                    if (matching.Count == 0)
                        return Error(UnknownQueue, $"{command}: no queue{(user.Profile == ProfileKind.Supervisor ? " of your profile" : "")} has a name containing '{(part.Length > 80 ? part[..80] + "…" : part)}'");
                    return await ReplyAsync(CallHistoryMessage.History, await service.Store.OfQueuesAsync(matching, size), service);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error(Unavailable, $"{command}: the call history could not be read: {e.GetBaseException().Message}");
        }
    }

    private static CallHistoryReply? CheckSize(string command, JObject frame, CallHistorySettings settings)
    {
        var size = Whole(frame["size"]);
        if (size is null || size > settings.MaxSize)
            return Error(CtiErrors.InvalidArgument,
                $"{command}: size {frame["size"]} is over the cap of {settings.MaxSize} calls (xuc.history.max-size, XUC_HISTORY_MAX_SIZE); ask for 1 to {settings.MaxSize}");
        return size < 1 ? Error(CtiErrors.InvalidArgument, $"{command}: size must be at least 1, not {size}") : null;
    }

    /// <summary>A JSON integer as a long; null when it does not fit one (then it is over any cap).</summary>
    private static long? Whole(JToken? token) => token is not null && long.TryParse(token.ToString(), out var n) ? n : null;

    /// <summary>An Admin sees every queue; a Supervisor the queues of his profile (PROTOCOL.md §3).</summary>
    private static async Task<IReadOnlyList<Configuration.Model.Queue>> VisibleQueuesAsync(ConfigStore config, SessionUser user)
    {
        var all = (await config.ListAsync(ConfigKinds.Queue)).Cast<Configuration.Model.Queue>().ToList();
        if (user.Profile != ProfileKind.Supervisor || user.User.RightProfileId is not { } profileId) return all;
        var profile = (RightProfile?)await config.GetAsync(ConfigKinds.RightProfile, profileId.ToString());
        return profile is null ? all : all.Where(q => profile.QueueIds.Contains(q.Id)).ToList();
    }

    /// <summary>
    /// The rows as the client reads them. A queue call an agent answered names him (<c>dstName</c> "James Bond", from
    /// the configuration of the day) rather than the PBX's member name (<c>Agent/2001</c>) the row keeps.
    /// </summary>
    private static async Task<CallHistoryReply> ReplyAsync(string msgType, IReadOnlyList<CallRecord> rows, CallHistoryService service)
    {
        var now = service.Clock.GetUtcNow();
        var names = rows.Any(r => r.AgentId is not null)
            ? (await service.Config.ListAsync(ConfigKinds.Agent)).Cast<Configuration.Model.Agent>()
                .ToDictionary(a => a.Id.ToString(), a => $"{a.FirstName} {a.LastName}".Trim())
            : [];
        return new CallHistoryReply(new CallHistoryMessage(msgType, rows
            .Select(r => r.AgentId is { } agent && names.TryGetValue(agent, out var name) && name.Length > 0 ? r with { DstName = name } : r)
            .Select(r => CallHistoryEntry.Of(r, now)).ToList()));
    }

    private static CallHistoryReply Error(string code, string message) => new(new CtiError(code, message));
}
