using System.Globalization;
using Akka.Actor;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Callbacks;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Phone;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>
/// The callback commands (docs/callbacks.md, "Commands"): what a session may see is the lists of the queues its
/// profile sees (Rights.Visibility); taking, releasing, starting and closing are for agents. Every change is published
/// cluster-wide (<see cref="CallbackEvent"/>) for the other sessions that see the list; the sender gets its answer here.
/// </summary>
public static class CallbackCommands
{
    public const string GetLists = "getCallbackLists";
    public const string Find = "findCallbackRequest";
    public const string GetPeriods = "getCallbackPreferredPeriods";
    public const string Take = "takeCallback";
    public const string Release = "releaseCallback";
    public const string Start = "startCallback";
    public const string UpdateTicket = "updateCallbackTicket";

    public const string Unavailable = "CallbacksUnavailable";
    public const string UnknownCallback = "UnknownCallback";
    public const string AlreadyTaken = "CallbackAlreadyTaken";
    public const string Closed = "CallbackClosed";
    public const string NotTaken = "CallbackNotTaken";
    public const string NotYours = "NotYourCallback";
    public const string NotAnAgent = "NotAnAgent";

    public static bool Handles(string command) => command is GetLists or Find or GetPeriods or Take or Release or Start or UpdateTicket;

    public static IEnumerable<CommandSpec> Specs(IReadOnlySet<ProfileKind> everyone)
    {
        var uuid = CommandArgument.String("uuid");
        yield return new CommandSpec(GetLists, [], everyone, true);
        yield return new CommandSpec(GetPeriods, [], everyone, true);
        yield return new CommandSpec(Find, [new CommandArgument("id", [JTokenType.Integer]), new CommandArgument("request", [JTokenType.Object])], everyone, true);
        yield return new CommandSpec(Take, [uuid], everyone, true);
        yield return new CommandSpec(Release, [uuid], everyone, true);
        yield return new CommandSpec(Start, [uuid, new CommandArgument("number", [JTokenType.String, JTokenType.Integer])], everyone, true);
        yield return new CommandSpec(UpdateTicket,
        [
            uuid, CommandArgument.String("status"), CommandArgument.String("comment", required: false), CommandArgument.String("description", required: false),
            CommandArgument.String("dueDate", required: false), CommandArgument.String("periodUuid", required: false),
        ], everyone, true);
    }

    /// <param name="origin">The sending session: the feed leaves it out of the events it caused (it has its answer).</param>
    public static async Task<CallbackReply> RunAsync(string command, JObject f, SessionUser user, CallbackService? service, PhoneControl? phone, ActorSystem system, IActorRef origin)
    {
        if (service is null) return Error(Unavailable, $"{command}: callbacks are not available on this server");
        var store = service.Store;
        try
        {
            var lists = await VisibleListsAsync(service, user);
            switch (command)
            {
                case GetLists:
                    var periods = await PeriodsAsync(store);
                    var open = (await store.OpenRequestsAsync(lists.Keys.ToList())).ToLookup(r => r.ListUuid);
                    var views = lists.Values.Select(l => new ListView(l.Uuid, l.Name, l.QueueId, open[l.Uuid].Select(r => RequestView.Of(r, periods)).ToList())).ToList();
                    return new CallbackReply([new CallbackListsMessage(views)], lists.Keys.ToHashSet());
                case GetPeriods:
                    return new CallbackReply([new PreferredPeriodsMessage((await store.PeriodsAsync()).Select(PeriodView.Of).ToList())]);
                case Find:
                    return await FindAsync(f, store, lists);
            }
            if (user.User.AgentId is not { } agentId) return Error(NotAnAgent, $"{command}: {user.User.Login} is not an agent");
            var uuid = (string)f["uuid"]!;
            switch (command)
            {
                case Take:
                {
                    if (await VisibleRequestAsync(store, uuid, lists) is null) return Unknown(command, uuid);
                    var taken = await store.TakeAsync(uuid, agentId);
                    if (!taken.Done) return Refused(command, taken);
                    await PublishAsync(system, store, CallbackEvent.Taken, taken.Request!, origin, agentId);
                    return new CallbackReply([new CallbackTaken(uuid, agentId)]);
                }
                case Release:
                {
                    if (await VisibleRequestAsync(store, uuid, lists) is null) return Unknown(command, uuid);
                    var released = await store.ReleaseAsync(uuid, agentId);
                    if (!released.Done) return Refused(command, released);
                    await PublishAsync(system, store, CallbackEvent.Released, released.Request!, origin);
                    return new CallbackReply([new CallbackReleased(uuid)]);
                }
                case Start:
                    return await StartAsync(f, user, agentId, uuid, store, lists, phone, system, origin);
                default:
                    return await UpdateAsync(f, agentId, uuid, store, system, origin);
            }
        }
        catch (CallbackValidationException e)
        {
            return Error(CtiErrors.InvalidArgument, $"{command}: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error(Unavailable, $"{command}: the callbacks could not be read or written: {e.GetBaseException().Message}");
        }
    }

    private static async Task<CallbackReply> StartAsync(JObject f, SessionUser user, int agentId, string uuid, CallbackStore store,
        IReadOnlyDictionary<string, CallbackList> lists, PhoneControl? phone, ActorSystem system, IActorRef origin)
    {
        if (await VisibleRequestAsync(store, uuid, lists) is not { } request) return Unknown(Start, uuid);
        if (request.Clotured) return Refused(Start, new CallbackResult(CallbackOutcome.Closed, request));
        if (request.AgentId != agentId) return Refused(Start, new CallbackResult(request.AgentId is null ? CallbackOutcome.NotTaken : CallbackOutcome.NotYours, request));
        var number = CallbackRules.CleanNumber(f["number"]!.ToString());
        if (number is null) return Error(CtiErrors.InvalidArgument, $"{Start}: number is empty");
        if (CallbackRules.NumberError("number", number) is { } wrong) return Error(CtiErrors.InvalidArgument, $"{Start}: {wrong}");
        if (user.Line is not { } line) return Error(CtiErrors.NoLine, $"{Start}: {user.User.Login} has no line to call from");
        if (phone is null) return Error(CtiErrors.PbxLinkDown, $"{Start}: no PBX connection on this node");
        var originate = PhoneCommands.DialFromPhone(user.User, line, number, [new("XUC_CALLBACK_REQUEST", uuid)]);
        switch (await phone.Pbx.Send(originate, phone.ActionTimeout))
        {
            case PbxRefused r: return Error(CtiErrors.PbxRefused, $"{Start}: the PBX refused the call: {r.Reason}");
            case PbxTimedOut: return Error(CtiErrors.PbxTimedOut, $"{Start}: the PBX did not answer the Originate within {phone.ActionTimeout.TotalSeconds:0.#} s");
            case PbxLinkDown d: return Error(CtiErrors.PbxLinkDown, $"{Start}: no PBX: {d.Reason}");
        }
        var started = await store.StartAsync(uuid, agentId, number);
        if (!started.Done) return Refused(Start, started);
        await PublishAsync(system, store, CallbackEvent.Started, started.Request!, origin, agentId, started.Ticket!.Uuid);
        return new CallbackReply([new CallbackStarted(uuid, started.Ticket.Uuid)]);
    }

    private static async Task<CallbackReply> UpdateAsync(JObject f, int agentId, string ticketUuid, CallbackStore store, ActorSystem system, IActorRef origin)
    {
        var status = (string)f["status"]!;
        if (!CallbackStatuses.All.Contains(status))
            return Error(CtiErrors.InvalidArgument, $"{UpdateTicket}: status '{CallbackRules.Cut(status)}' is not one of {string.Join(", ", CallbackStatuses.All)}");
        var dueDate = (string?)f["dueDate"];
        if (dueDate is not null && !CallbackRules.IsDate(dueDate))
            return Error(CtiErrors.InvalidArgument, $"{UpdateTicket}: dueDate '{CallbackRules.Cut(dueDate)}' is not a date YYYY-MM-DD");
        var comment = (string?)f["comment"] ?? (string?)f["description"] ?? "";
        var updated = await store.UpdateTicketAsync(ticketUuid, agentId, status, comment, dueDate, (string?)f["periodUuid"]);
        if (!updated.Done) return Refused(UpdateTicket, updated, "ticket");
        var request = updated.Request!;
        if (request.Clotured)
        {
            await PublishAsync(system, store, CallbackEvent.Clotured, request, origin);
            return new CallbackReply([new CallbackClotured(request.Uuid)]);
        }
        var view = await PublishAsync(system, store, CallbackEvent.Updated, request, origin);
        return new CallbackReply([new CallbackRequestUpdated(view)]);
    }

    private static async Task<CallbackReply> FindAsync(JObject f, CallbackStore store, IReadOnlyDictionary<string, CallbackList> lists)
    {
        var id = (long)f["id"]!;
        var query = (JObject)f["request"]!;
        var filters = CallbackFilters.Parse(query["filters"]);
        var offset = query["offset"] is { Type: JTokenType.Integer } o ? Math.Max(0, (int)o) : 0;
        var limit = query["limit"] is { Type: JTokenType.Integer } l ? Math.Clamp((int)l, 1, CallbackFilters.MaxLimit) : CallbackFilters.MaxLimit;
        var periods = await PeriodsAsync(store);
        var all = new List<RequestView>();
        foreach (var list in lists.Keys) all.AddRange((await store.RequestsOfListAsync(list)).Select(r => RequestView.Of(r, periods)));
        var found = all.Where(r => filters.All(x => x.Matches(r))).ToList();
        return new CallbackReply([new FindCallbackResponse(id, new FoundCallbacks(found.Count, found.Skip(offset).Take(limit).ToList()))]);
    }

    /// <summary>The lists of the queues the user sees, by uuid.</summary>
    public static async Task<IReadOnlyDictionary<string, CallbackList>> VisibleListsAsync(CallbackService service, SessionUser user)
    {
        var visibility = Rights.Visibility.Of(user);
        var own = user.User.AgentId is { } a ? (Agent?)await service.Config.GetAsync(ConfigKinds.Agent, a.ToString(CultureInfo.InvariantCulture)) : null;
        return (await service.Store.ListsAsync()).Where(l => visibility.SeesQueue(l.QueueId, own)).ToDictionary(l => l.Uuid);
    }

    private static async Task<CallbackRequest?> VisibleRequestAsync(CallbackStore store, string uuid, IReadOnlyDictionary<string, CallbackList> lists) =>
        await store.RequestAsync(uuid) is { } r && lists.ContainsKey(r.ListUuid) ? r : null;

    private static async Task<IReadOnlyDictionary<string, PreferredPeriod>> PeriodsAsync(CallbackStore store) => (await store.PeriodsAsync()).ToDictionary(p => p.Uuid);

    private static async Task<RequestView> PublishAsync(ActorSystem system, CallbackStore store, string kind, CallbackRequest request, IActorRef origin, int? agentId = null, string? ticket = null)
    {
        var view = RequestView.Of(request, await PeriodsAsync(store));
        CallbackEvent.Publish(system, new CallbackEvent(kind, request.ListUuid, view, agentId, ticket) { Origin = Akka.Serialization.Serialization.SerializedActorPath(origin) });
        return view;
    }

    private static CallbackReply Unknown(string command, string uuid) => Error(UnknownCallback, $"{command}: no callback request '{CallbackRules.Cut(uuid)}' on a list you see");

    private static CallbackReply Refused(string command, CallbackResult result, string what = "request") => result.Outcome switch
    {
        CallbackOutcome.NotFound => Error(UnknownCallback, $"{command}: no callback {what}"),
        CallbackOutcome.Closed => Error(Closed, $"{command}: the callback request {result.Request?.Uuid} is closed"),
        CallbackOutcome.TakenByOther => Error(AlreadyTaken, $"{command}: the callback request {result.Request?.Uuid} is taken by agent {result.Request?.AgentId}"),
        CallbackOutcome.NotTaken => Error(NotTaken, $"{command}: take the callback request {result.Request?.Uuid} first"),
        _ => Error(NotYours, $"{command}: the callback {what} is another agent's"),
    };

    private static CallbackReply Error(string code, string message) => new([new CtiError(code, message)]);
}
