using System.Globalization;
using Akka.Actor;
using Xuc.Actors.Callbacks;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Phone;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>
/// Runs the callback commands (<see cref="CallbacksFeature"/>): what a session may see is the lists of the queues its
/// profile sees (Rights.Visibility); taking, releasing, starting and closing are for agents. Every change is published
/// cluster-wide (<see cref="CallbackEvent"/>) for the other sessions that see the list; the sender gets its answer here.
/// </summary>
public sealed class CallbacksHandler :
    ICtiCommandHandler<GetCallbackLists>, ICtiCommandHandler<GetCallbackPreferredPeriods>, ICtiCommandHandler<FindCallbackRequest>,
    ICtiCommandHandler<TakeCallback>, ICtiCommandHandler<ReleaseCallback>, ICtiCommandHandler<StartCallback>, ICtiCommandHandler<UpdateCallbackTicket>
{
    public void Handle(GetCallbackLists command, SessionContext session)
    {
        var user = session.User;
        Run(CallbacksFeature.GetLists, session, async (service, lists) =>
        {
            var periods = await CallbackAnswers.PeriodsAsync(service.Store);
            var open = (await service.Store.OpenRequestsAsync(lists.Keys.ToList())).ToLookup(r => r.ListUuid);
            var answer = new CallbackListsMessage(lists.Values.Select(l => new ListView(l.Uuid, l.Name, l.QueueId, open[l.Uuid].Select(r => RequestView.Of(r, periods)).ToList())).ToList());
            if (service.Feed.IsNobody()) return answer;
            // The feed sends the answer, then the lists' events: none overtakes it.
            service.Feed.Tell(new JoinCallbackFeed(session.Session, session.Sink, lists.Keys.ToHashSet(), user.User.AgentId, answer), ActorRefs.NoSender);
            return null;
        });
    }

    public void Handle(GetCallbackPreferredPeriods command, SessionContext session) =>
        Run(CallbacksFeature.GetPeriods, session, async (service, _) => new PreferredPeriodsMessage((await service.Store.PeriodsAsync()).Select(PeriodView.Of).ToList()));

    public void Handle(FindCallbackRequest command, SessionContext session) =>
        Run(CallbacksFeature.Find, session, async (service, lists) =>
        {
            var periods = await CallbackAnswers.PeriodsAsync(service.Store);
            var all = new List<RequestView>();
            foreach (var list in lists.Keys) all.AddRange((await service.Store.RequestsOfListAsync(list)).Select(r => RequestView.Of(r, periods)));
            var found = all.Where(r => command.Filters.All(x => x.Matches(r))).ToList();
            var offset = (int)Math.Clamp(command.Offset, 0, int.MaxValue);
            var limit = (int)Math.Clamp(command.Limit ?? CallbackFilters.MaxLimit, 1, CallbackFilters.MaxLimit);
            return new FindCallbackResponse(command.Id, new FoundCallbacks(found.Count, found.Skip(offset).Take(limit).ToList()));
        });

    public void Handle(TakeCallback command, SessionContext session) =>
        RunAsAgent(CallbacksFeature.Take, session, async (service, lists, agentId) =>
        {
            if (await CallbackAnswers.VisibleRequestAsync(service.Store, command.Uuid, lists) is null) return CallbackAnswers.Unknown(CallbacksFeature.Take, command.Uuid);
            var taken = await service.Store.TakeAsync(command.Uuid, agentId);
            if (!taken.Done) return CallbackAnswers.Refused(CallbacksFeature.Take, taken);
            await CallbackAnswers.PublishAsync(session, service.Store, CallbackEvent.Taken, taken.Request!, agentId);
            return new CallbackTaken(command.Uuid, agentId);
        });

    public void Handle(ReleaseCallback command, SessionContext session) =>
        RunAsAgent(CallbacksFeature.Release, session, async (service, lists, agentId) =>
        {
            if (await CallbackAnswers.VisibleRequestAsync(service.Store, command.Uuid, lists) is null) return CallbackAnswers.Unknown(CallbacksFeature.Release, command.Uuid);
            var released = await service.Store.ReleaseAsync(command.Uuid, agentId);
            if (!released.Done) return CallbackAnswers.Refused(CallbacksFeature.Release, released);
            await CallbackAnswers.PublishAsync(session, service.Store, CallbackEvent.Released, released.Request!);
            return new CallbackReleased(command.Uuid);
        });

    public void Handle(StartCallback command, SessionContext session)
    {
        var user = session.User;
        var phone = session.Service<PhoneControl>();
        RunAsAgent(CallbacksFeature.Start, session, (service, lists, agentId) => CallbackStart.RunAsync(command, user, agentId, service.Store, lists, phone, session));
    }

    public void Handle(UpdateCallbackTicket command, SessionContext session) =>
        RunAsAgent(CallbacksFeature.UpdateTicket, session, async (service, _, agentId) =>
        {
            var updated = await service.Store.UpdateTicketAsync(command.Uuid, agentId, command.Status, command.Comment, command.DueDate, command.PeriodUuid);
            if (!updated.Done) return CallbackAnswers.Refused(CallbacksFeature.UpdateTicket, updated, "ticket");
            var request = updated.Request!;
            if (request.Clotured)
            {
                await CallbackAnswers.PublishAsync(session, service.Store, CallbackEvent.Clotured, request);
                return new CallbackClotured(request.Uuid);
            }
            return new CallbackRequestUpdated(await CallbackAnswers.PublishAsync(session, service.Store, CallbackEvent.Updated, request));
        });

    private delegate Task<ICtiMessage?> Work(CallbackService service, IReadOnlyDictionary<string, CallbackList> lists);

    /// <summary>A command for agents: a user without an agent is told so (after the service's absence, as for every callback command).</summary>
    private static void RunAsAgent(string command, SessionContext session, Func<CallbackService, IReadOnlyDictionary<string, CallbackList>, int, Task<ICtiMessage>> work)
    {
        var user = session.User;
        Run(command, session, async (service, lists) => user.User.AgentId is { } agentId
            ? await work(service, lists, agentId)
            : CallbackAnswers.Error(CallbackAnswers.NotAnAgent, $"{command}: {user.User.Login} is not an agent"));
    }

    /// <summary>The work on the lists the user sees, its answer pushed when done (null: the work delivered it itself).</summary>
    private static void Run(string command, SessionContext session, Work work)
    {
        if (session.Service<CallbackService>() is not { } service)
        {
            session.Push(CallbackAnswers.Error(CallbackAnswers.Unavailable, $"{command}: callbacks are not available on this server"));
            return;
        }
        var user = session.User;
        _ = ReplyAsync(command, service, user, work, session.Session);
    }

    private static async Task ReplyAsync(string command, CallbackService service, SessionUser user, Work work, IActorRef session)
    {
        if (await RunAsync(command, service, user, work) is { } answer) session.Tell(new CommandReply(answer), ActorRefs.NoSender);
    }

    private static async Task<ICtiMessage?> RunAsync(string command, CallbackService service, SessionUser user, Work work)
    {
        try
        {
            return await work(service, await VisibleListsAsync(service, user));
        }
        catch (CallbackValidationException e)
        {
            return CallbackAnswers.Error(CtiErrors.InvalidArgument, $"{command}: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return CallbackAnswers.Error(CallbackAnswers.Unavailable, $"{command}: the callbacks could not be read or written: {e.GetBaseException().Message}");
        }
    }

    /// <summary>The lists of the queues the user sees, by uuid.</summary>
    public static async Task<IReadOnlyDictionary<string, CallbackList>> VisibleListsAsync(CallbackService service, SessionUser user)
    {
        var visibility = Rights.Visibility.Of(user);
        var own = user.User.AgentId is { } a ? (Agent?)await service.Config.GetAsync(ConfigKinds.Agent, a.ToString(CultureInfo.InvariantCulture)) : null;
        return (await service.Store.ListsAsync()).Where(l => visibility.SeesQueue(l.QueueId, own)).ToDictionary(l => l.Uuid);
    }
}
