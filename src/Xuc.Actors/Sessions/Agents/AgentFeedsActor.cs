using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Xuc.Actors.Configuration;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Rights;

namespace Xuc.Actors.Sessions.Agents;

/// <summary>
/// The node's agent feed (<c>/user/agent-feeds</c>, node-local): the sessions of this node that sent
/// <c>subscribeToAgentEvents</c>. While one does, it follows the <c>agents</c> topic (every Agent entity publishes each
/// change there, wherever it lives in the cluster), keeps each agent's newest state, encodes each change once and hands
/// the same bytes to every session whose profile sees the agent (<see cref="Visibility"/>; a session's own agent is
/// left out: his own topic brings it). Once subscribed, and again a few seconds later (a change published on another
/// node before the subscription had spread there), it reads every configured agent's state.
/// </summary>
public sealed class AgentFeedsActor : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan CatchUpDelay = TimeSpan.FromSeconds(3);

    private readonly IActorRef _agents;
    private readonly IActorRef _mediator;
    private readonly EntityConfigDirectory _directory;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<IActorRef, Visibility> _sessions = [];
    private readonly Dictionary<string, AgentState> _states = new(StringComparer.Ordinal);
    private bool _following;

    public ITimerScheduler Timers { get; set; } = null!;

    public AgentFeedsActor(IActorRef agents, IActorRef mediator, EntityConfigDirectory directory)
    {
        _agents = agents;
        _mediator = mediator;
        _directory = directory;

        Receive<SubscribeAgentEvents>(Subscribe);
        Receive<AgentStateChanged>(c => OnState(c.State, read: false));
        Receive<StateRead>(r => { if (r.State is { } state) OnState(state, read: true); });
        Receive<SubscribeAck>(ack =>
        {
            if (ack.Subscribe.Topic != Topics.AllAgents || !_following) return;
            ReadAll();
            Timers.StartSingleTimer("catch-up", CatchUp.Instance, CatchUpDelay);
        });
        Receive<CatchUp>(_ => { if (_following) ReadAll(); });
        Receive<AskAgentStates>(AnswerOnce);
        Receive<UnsubscribeAck>(_ => { });
        Receive<Terminated>(t => Forget(t.ActorRef));
    }

    public static Props PropsFor(IActorRef agents, IActorRef mediator, EntityConfigDirectory directory)
        => Props.Create(() => new AgentFeedsActor(agents, mediator, directory));

    private void Subscribe(SubscribeAgentEvents s)
    {
        if (!_sessions.TryAdd(s.Session, s.Visibility)) return;
        Context.Watch(s.Session);
        if (!_following)
        {
            // The states are read once the topic is followed (SubscribeAck), so no change falls between the two.
            _following = true;
            _mediator.Tell(new Subscribe(Topics.AllAgents, Self));
            return;
        }
        var now = Context.System.Scheduler.Now;
        foreach (var agent in _directory.Agents.Where(a => s.Visibility.SeesAgent(a) && a.Id != s.Visibility.OwnAgent).OrderBy(a => a.Id))
        {
            var key = EntityConfigDirectory.KeyOf(agent);
            if (_states.TryGetValue(key, out var state)) s.Session.Tell(new FeedFrame(ShownTo(s.Visibility, state, now)));
            else Read(key);
        }
    }

    /// <summary>
    /// A state from the topic, or read: kept and sent when newer than the one held. A read of the same instant was
    /// already sent; so was a state republished unchanged for a client (the entity republishes after a change of its
    /// configuration, or a login to the line he is already on).
    /// </summary>
    private void OnState(AgentState state, bool read)
    {
        if (!_following) return;
        var now = Context.System.Scheduler.Now;
        if (_states.TryGetValue(state.AgentId, out var had) && (state.Since < had.Since || state.Since == had.Since && (read || SameFrame(had, state, now)))) return;
        _states[state.AgentId] = state;
        var id = int.Parse(state.AgentId, CultureInfo.InvariantCulture);
        var group = _directory.Agent(state.AgentId)?.GroupId ?? state.Config?.GroupId ?? 0;
        // Encoded once per set of queues shown (a Supervisor sees his own queues among the agent's).
        var ev = AgentStateFrames.Of(state, now);
        var frames = new Dictionary<string, FeedFrame>(StringComparer.Ordinal);
        foreach (var (session, visibility) in _sessions)
            if (visibility.OwnAgent != id && visibility.SeesAgent(id, group))
            {
                var shown = visibility.QueuesShown(ev.Queues);
                var key = string.Join(",", shown);
                if (!frames.TryGetValue(key, out var frame)) frames[key] = frame = new FeedFrame(PreEncoded.Of(ReferenceEquals(shown, ev.Queues) ? ev : ev with { Queues = shown }));
                session.Tell(frame);
            }
    }

    /// <summary>An agent's state as <paramref name="visibility"/>'s session is shown it.</summary>
    private static AgentStateEvent ShownTo(Visibility visibility, AgentState state, DateTimeOffset now)
    {
        var ev = AgentStateFrames.Of(state, now);
        if (visibility.OwnAgent?.ToString(CultureInfo.InvariantCulture) == state.AgentId) return ev;
        var shown = visibility.QueuesShown(ev.Queues);
        return ReferenceEquals(shown, ev.Queues) ? ev : ev with { Queues = shown };
    }

    private static bool SameFrame(AgentState a, AgentState b, DateTimeOffset now)
        => PreEncoded.Of(AgentStateFrames.Of(a, now)).Utf8.AsSpan().SequenceEqual(PreEncoded.Of(AgentStateFrames.Of(b, now)).Utf8);

    private void ReadAll()
    {
        foreach (var agent in _directory.Agents) Read(EntityConfigDirectory.KeyOf(agent));
    }

    private void Read(string agentId) => _agents.Ask<AgentState>(new GetAgentState(agentId), AskTimeout)
        .PipeTo(Self, success: s => new StateRead(s), failure: _ => new StateRead(null));

    /// <summary>getAgentStates / getAgentDirectory: every visible agent (his own included), in id order, read now.</summary>
    private void AnswerOnce(AskAgentStates a)
    {
        var agents = _directory.Agents.Where(a.Visibility.SeesAgent).OrderBy(x => x.Id).ToList();
        var scheduler = Context.System.Scheduler;
        var log = _log;
        var reads = agents.Select(async agent =>
        {
            var key = EntityConfigDirectory.KeyOf(agent);
            try
            {
                return await _agents.Ask<AgentState>(new GetAgentState(key), AskTimeout);
            }
            catch (Exception)
            {
                log.Warning("Agent {0} did not give its state in time; shown logged out", key);
                return AgentState.Empty(key);
            }
        }).ToList();
        Task.WhenAll(reads).ContinueWith(t =>
        {
            var now = scheduler.Now;
            if (a.Directory)
                a.Session.Tell(new FeedFrame(new AgentDirectory(agents.Zip(t.Result, (agent, s) =>
                    new AgentDirectoryEntry(AgentConfigEntry.Of(agent), ShownTo(a.Visibility, s, now))).ToList())));
            else
                foreach (var s in t.Result) a.Session.Tell(new FeedFrame(ShownTo(a.Visibility, s, now)));
        }, TaskContinuationOptions.OnlyOnRanToCompletion);
    }

    private void Forget(IActorRef session)
    {
        if (!_sessions.Remove(session) || _sessions.Count > 0 || !_following) return;
        // Nobody on this node follows the agents any more: stop receiving them.
        _following = false;
        _states.Clear();
        Timers.Cancel("catch-up");
        _mediator.Tell(new Unsubscribe(Topics.AllAgents, Self));
    }

    private sealed record StateRead(AgentState? State);

    private sealed record CatchUp
    {
        public static readonly CatchUp Instance = new();
    }
}
