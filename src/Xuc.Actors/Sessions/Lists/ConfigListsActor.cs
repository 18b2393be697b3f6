using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Rights;

namespace Xuc.Actors.Sessions.Lists;

/// <summary>
/// The node's configuration lists (<c>/user/config-lists</c>, node-local): answers <c>getList</c> / <c>getConfig</c> for
/// the node's sessions, filtered by each one's <see cref="Visibility"/>, and after a <c>getList</c> sends the session a
/// <c>QueueConfig</c> / <c>AgentConfig</c> for each queue or agent that changes and that it may see, encoded once for
/// the node. It follows the <c>config</c> topic: a queue or agent change carries the object; an agent-group change or
/// an import is re-read from the store, and what differs from the lists it held is sent.
/// </summary>
public sealed class ConfigListsActor : ReceiveActor, IWithUnboundedStash, IWithTimers
{
    private readonly Func<Task<ConfigSnapshot>> _load;
    private readonly IActorRef _mediator;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<IActorRef, Visibility> _followers = [];
    private ConfigLists _lists = ConfigLists.Empty;

    public IStash Stash { get; set; } = null!;
    public ITimerScheduler Timers { get; set; } = null!;

    public ConfigListsActor(Func<Task<ConfigSnapshot>> load, IActorRef mediator)
    {
        _load = load;
        _mediator = mediator;
        Loading(first: true);
    }

    public static Props PropsFor(Func<Task<ConfigSnapshot>> load, IActorRef mediator) => Props.Create(() => new ConfigListsActor(load, mediator));

    protected override void PreStart()
    {
        _mediator.Tell(new Subscribe(Topics.Config, Self));
        Reload();
    }

    private void Reload() => _load().PipeTo(Self, success: s => new Loaded(ConfigLists.Of(s)), failure: e => new LoadFailed(e.GetBaseException().Message));

    /// <summary>Reading the store: requests and changes wait (a change is applied on top of what was read).</summary>
    private void Loading(bool first)
    {
        Receive<Loaded>(l =>
        {
            var before = _lists;
            _lists = l.Lists;
            if (!first) SendDifferences(before, _lists);
            Become(Ready);
            Stash.UnstashAll();
        });
        Receive<LoadFailed>(f =>
        {
            _log.Warning("Configuration lists: the store could not be read ({0}); reading it again in 2 s", f.Reason);
            Timers.StartSingleTimer("reload", new RetryLoad(), TimeSpan.FromSeconds(2));
        });
        Receive<RetryLoad>(_ => Reload());
        Receive<SubscribeAck>(_ => { });
        ReceiveAny(_ => Stash.Stash());
    }

    private void Ready()
    {
        Receive<ListRequest>(Answer);
        Receive<ConfigChanged>(OnChanged);
        Receive<Terminated>(t => _followers.Remove(t.ActorRef));
        Receive<SubscribeAck>(_ => { });
    }

    private void Answer(ListRequest r)
    {
        var kind = ConfigListKinds.ByObjectType[r.ObjectType];
        var message = r.ObjectId is { } id ? kind.One(_lists, r.Visibility, id, r.Command) : kind.List(_lists, r.Visibility);
        if (r.Follow && _followers.TryAdd(r.Session, r.Visibility)) Context.Watch(r.Session);
        r.Session.Tell(new FeedFrame(message));
    }

    private void OnChanged(ConfigChanged changed)
    {
        if (changed.Kind == ConfigKinds.AgentGroup.Name || changed.Operation == nameof(ChangeOp.Reloaded))
        {
            Become(() => Loading(first: false));
            Reload();
            return;
        }
        if (changed.Kind != ConfigKinds.Queue.Name && changed.Kind != ConfigKinds.Agent.Name) return;
        if (changed.ToChange() is not { } change) return;
        var before = _lists;
        _lists = _lists.With(change.Previous, change.Value);
        SendDifferences(before, _lists);
    }

    /// <summary>
    /// A QueueConfig / AgentConfig for every queue and agent whose client-visible fields were written since
    /// <paramref name="before"/> (a deletion sends nothing: the reference has no message for it).
    /// </summary>
    private void SendDifferences(ConfigLists before, ConfigLists after)
    {
        if (_followers.Count == 0) return;
        var queuesBefore = before.Queues.Select(QueueConfigEntry.Of).ToHashSet();
        foreach (var q in after.Queues.Where(q => !queuesBefore.Contains(QueueConfigEntry.Of(q))))
            Send(new QueueConfig(QueueConfigEntry.Of(q)), v => v.SeesQueue(q.Id, after.AgentById(v.OwnAgent)));
        var agentsBefore = before.Agents.Select(AgentConfigEntry.Of).ToHashSet();
        foreach (var a in after.Agents.Where(a => !agentsBefore.Contains(AgentConfigEntry.Of(a))))
            Send(new AgentConfig(AgentConfigEntry.Of(a)), v => v.SeesAgent(a));
        SendNewlyVisibleQueues(before, after, queuesBefore);
    }

    /// <summary>
    /// A NoRight user sees the queues his own agent is in: when his agent is put in another queue (a supervisor moves
    /// him), that queue's QueueConfig is sent to him, as if it had just been created (one whose fields changed too was
    /// sent above).
    /// </summary>
    private void SendNewlyVisibleQueues(ConfigLists before, ConfigLists after, HashSet<QueueConfigEntry> queuesBefore)
    {
        foreach (var (session, v) in _followers)
        {
            if (v.SeesEverything || v.OwnAgent is not { } own) continue;
            var was = before.AgentById(own);
            var now = after.AgentById(own);
            if (ReferenceEquals(was, now)) continue;
            foreach (var q in after.Queues.Where(q => queuesBefore.Contains(QueueConfigEntry.Of(q)) && v.SeesQueue(q.Id, now) && !v.SeesQueue(q.Id, was)))
                session.Tell(new FeedFrame(new QueueConfig(QueueConfigEntry.Of(q))));
        }
    }

    private void Send(ICtiMessage message, Func<Visibility, bool> sees)
    {
        FeedFrame? frame = null;
        foreach (var (session, visibility) in _followers)
            if (sees(visibility)) session.Tell(frame ??= new FeedFrame(PreEncoded.Of(message)));
    }

    private sealed record Loaded(ConfigLists Lists);
    private sealed record LoadFailed(string Reason);
    private sealed record RetryLoad;
}

/// <summary>
/// <c>getList</c> (<paramref name="Follow"/>: and the changes after it) or <c>getConfig</c> (one object when
/// <paramref name="ObjectId"/> is set) of a known <paramref name="ObjectType"/>, from a session of this node.
/// </summary>
public sealed record ListRequest(IActorRef Session, string Command, string ObjectType, int? ObjectId, Visibility Visibility, bool Follow);
