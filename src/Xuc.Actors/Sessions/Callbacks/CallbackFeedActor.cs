using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Xuc.Actors.Callbacks;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>
/// The node's callback feed (docs/callbacks.md, "Events"): hands each <see cref="CallbackEvent"/> of the cluster to
/// this node's sessions that see its list (not to the session that caused it), pushes <see cref="CallbacksOverdue"/>
/// when requests' time comes, and releases what an agent holds when he logs out (at once) or when the last of his
/// sessions on this node has been gone for <see cref="CallbackSettings.ReleaseAfter"/>.
/// </summary>
public sealed class CallbackFeedActor : ReceiveActor, IWithTimers
{
    private sealed record Member(ISessionSink Sink, IReadOnlySet<string> Lists, int? AgentId);
    private sealed record ReleaseDue(int AgentId);
    private sealed record Released(IReadOnlyList<CallbackRequest> Requests, IReadOnlyDictionary<string, PreferredPeriod> Periods);
    private sealed record OverdueTick;
    private sealed record OverdueRead(IReadOnlyList<RequestView> Requests);

    private readonly CallbackService _service;
    private readonly Dictionary<IActorRef, Member> _members = new();
    private Dictionary<string, RequestView> _overdue = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(CallbackService service) => Props.Create(() => new CallbackFeedActor(service));

    public CallbackFeedActor(CallbackService service)
    {
        _service = service;
        Receive<JoinCallbackFeed>(Join);
        Receive<Terminated>(t => Leave(t.ActorRef));
        Receive<CallbackEvent>(Deliver);
        Receive<AgentStateChanged>(s =>
        {
            if (!s.State.LoggedIn && int.TryParse(s.State.AgentId, out var agent)) ReleaseAll(agent);
        });
        Receive<ReleaseDue>(d =>
        {
            if (!_members.Values.Any(m => m.AgentId == d.AgentId)) ReleaseAll(d.AgentId);
        });
        Receive<Released>(r =>
        {
            foreach (var request in r.Requests)
                CallbackEvent.Publish(Context.System, new CallbackEvent(CallbackEvent.Released, request.ListUuid, RequestView.Of(request, r.Periods)));
        });
        Receive<OverdueTick>(_ => ReadOverdueAsync().PipeTo(Self, failure: e => new Status.Failure(e)));
        Receive<OverdueRead>(Overdue);
        Receive<Status.Failure>(f => _log.Warning("callbacks: {0}", f.Cause.GetBaseException().Message));
        Receive<SubscribeAck>(_ => { });
    }

    protected override void PreStart()
    {
        var mediator = DistributedPubSub.Get(Context.System).Mediator;
        mediator.Tell(new Subscribe(CallbackEvent.Topic, Self));
        mediator.Tell(new Subscribe(Topics.AllAgents, Self));
        Timers.StartPeriodicTimer("overdue", new OverdueTick(), TimeSpan.Zero, _service.Settings.OverdueCheck);
    }

    private void Join(JoinCallbackFeed j)
    {
        _members[j.Session] = new Member(j.Sink, j.Lists, j.AgentId);
        Context.Watch(j.Session);
        if (j.AgentId is { } agent) Timers.Cancel(ReleaseKey(agent));
        if (j.First is { } first) FeedDelivery.To(j.Session, j.Sink, new FeedFrame(first));
        foreach (var list in _overdue.Values.Where(r => j.Lists.Contains(r.ListUuid)).GroupBy(r => r.ListUuid))
            FeedDelivery.To(j.Session, j.Sink, new FeedFrame(new CallbacksOverdue(list.Key, list.ToList())));
    }

    private void Leave(IActorRef session)
    {
        if (!_members.Remove(session, out var gone) || gone.AgentId is not { } agent) return;
        if (_members.Values.All(m => m.AgentId != agent))
            Timers.StartSingleTimer(ReleaseKey(agent), new ReleaseDue(agent), _service.Settings.ReleaseAfter);
    }

    private static string ReleaseKey(int agent) => "release-" + agent;

    private void ReleaseAll(int agent)
    {
        var store = _service.Store;
        Task.Run(async () => new Released(await store.ReleaseAllOfAsync(agent), (await store.PeriodsAsync()).ToDictionary(p => p.Uuid)))
            .PipeTo(Self, failure: e => new Status.Failure(e));
    }

    private void Deliver(CallbackEvent e)
    {
        ICtiMessage? message = e.Kind switch
        {
            CallbackEvent.Taken when e.AgentId is { } agent => new CallbackTaken(e.Request.Uuid, agent),
            CallbackEvent.Released => new CallbackReleased(e.Request.Uuid),
            CallbackEvent.Clotured => new CallbackClotured(e.Request.Uuid),
            CallbackEvent.Updated => new CallbackRequestUpdated(e.Request),
            _ => null, // Started: the agent who started it has his answer
        };
        if (message is null) return;
        var frame = new FeedFrame(message);
        foreach (var (session, member) in _members)
            if (member.Lists.Contains(e.ListUuid) && Akka.Serialization.Serialization.SerializedActorPath(session) != e.Origin)
                FeedDelivery.To(session, member.Sink, frame);
    }

    private async Task<OverdueRead> ReadOverdueAsync()
    {
        var store = _service.Store;
        var periods = (await store.PeriodsAsync()).ToDictionary(p => p.Uuid);
        return new OverdueRead((await store.OverdueAsync(store.Today, store.TimeOfDay)).Select(r => RequestView.Of(r, periods)).ToList());
    }

    private void Overdue(OverdueRead read)
    {
        var now = read.Requests.ToDictionary(r => r.Uuid);
        var fresh = now.Values.Where(r => !_overdue.ContainsKey(r.Uuid)).ToList();
        _overdue = now;
        foreach (var list in fresh.GroupBy(r => r.ListUuid))
        {
            var frame = new FeedFrame(new CallbacksOverdue(list.Key, list.ToList()));
            foreach (var (session, member) in _members)
                if (member.Lists.Contains(list.Key)) FeedDelivery.To(session, member.Sink, frame);
        }
    }
}
