using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Statistics;

namespace Xuc.Actors.Sessions.Agents;

/// <summary>
/// The node's agent statistics feed (<c>/user/agent-stats-feed</c>, node-local): while one of its sessions has
/// subscribed, it follows the <c>agent-stats</c> topic, folds each agent's statistics snapshot-then-deltas
/// (<see cref="SnapshotThenDeltas{T}"/>; a gap asks the snapshot again), encodes each change once
/// (<see cref="PreEncoded"/>) and hands the same bytes to every session that may see that agent
/// (<see cref="Rights.Visibility"/>: Admin all, a Supervisor his groups and his own agent, NoRight his own agent). The
/// agent's group is read from the configuration when the frame is sent. A session that subscribes gets the current
/// statistics of every agent it may see first: read up to now (each agent asked again, so the status in progress is
/// counted to the moment of the subscription), then the changes.
/// </summary>
public sealed class AgentStatsFeedActor : ReceiveActor
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    private readonly IActorRef _agents;
    private readonly IActorRef _mediator;
    private readonly EntityConfigDirectory _directory;
    private readonly Dictionary<IActorRef, Rights.Visibility> _sessions = [];
    /// <summary>Sessions that subscribed while the feed was following: they join once the agents they may see have answered again.</summary>
    private readonly Dictionary<IActorRef, Joining> _joining = [];
    private readonly Dictionary<string, SnapshotThenDeltas<AgentStatsSnapshot>> _views = new(StringComparer.Ordinal);
    /// <summary>Per agent, the statistics the sessions that may see him have been sent.</summary>
    private readonly Dictionary<string, Dictionary<string, AgentStat>> _sent = new(StringComparer.Ordinal);
    private bool _following;

    public AgentStatsFeedActor(IActorRef agents, IActorRef mediator, EntityConfigDirectory directory)
    {
        _agents = agents;
        _mediator = mediator;
        _directory = directory;

        Receive<SubscribeAgentStats>(Subscribe);
        Receive<AgentStatsChanged>(OnDelta);
        Receive<AgentStatsSnapshot>(OnSnapshot);
        Receive<Unanswered>(u =>
        {
            if (!_following) return;
            Answered(u.AgentId);
            Ask(u.AgentId);
        });
        Receive<SubscribeAck>(_ =>
        {
            if (!_following) return;
            foreach (var agent in _directory.Agents.OrderBy(a => a.Id)) View(EntityConfigDirectory.KeyOf(agent));
        });
        Receive<UnsubscribeAck>(_ => { });
        Receive<Terminated>(t => Forget(t.ActorRef));
    }

    private void Subscribe(SubscribeAgentStats s)
    {
        if (_sessions.ContainsKey(s.Session) || _joining.ContainsKey(s.Session)) return;
        Context.Watch(s.Session);
        if (!_following)
        {
            // The first session: every agent's snapshot comes as the subscription is in place, each its first frame.
            _sessions[s.Session] = s.Viewer;
            _following = true;
            _mediator.Tell(new Subscribe(Topics.AgentStats, Self));
            return;
        }
        var agents = _directory.Agents.Select(EntityConfigDirectory.KeyOf).Where(a => s.Viewer.SeesAgent(a, GroupOf(a))).ToHashSet(StringComparer.Ordinal);
        _joining[s.Session] = new Joining(s.Viewer, agents);
        foreach (var agent in agents) Ask(agent);
        Answered(null);
    }

    /// <summary>An agent answered again (or could not): the sessions no longer waiting for anyone join with every agent's statistics.</summary>
    private void Answered(string? agent)
    {
        foreach (var (session, joining) in _joining.Where(j => agent is null || j.Value.Waiting.Remove(agent)).Where(j => j.Value.Waiting.Count == 0).ToList())
        {
            _joining.Remove(session);
            _sessions[session] = joining.Viewer;
            foreach (var (a, sent) in _sent.OrderBy(x => Id(x.Key) ?? int.MaxValue).ThenBy(x => x.Key, StringComparer.Ordinal))
                if (joining.Viewer.SeesAgent(a, GroupOf(a)) && Id(a) is { } id)
                    session.Tell(new FeedFrame(PreEncoded.Of(Frame(id, Ordered(sent.Values)))));
        }
    }

    private void OnDelta(AgentStatsChanged delta)
    {
        if (!_following) return;
        var view = View(delta.AgentId);
        switch (view.OnDelta(delta))
        {
            case DeltaStep.Applied:
                Send(delta.AgentId, view.Current!.Stats);
                break;
            case DeltaStep.Gap:
                Ask(delta.AgentId);
                break;
        }
    }

    private void OnSnapshot(AgentStatsSnapshot snapshot)
    {
        if (!_following) return;
        var view = View(snapshot.AgentId);
        view.OnSnapshot(snapshot);
        if (view.Current is { } current) Send(snapshot.AgentId, current.Stats);
        else Ask(snapshot.AgentId);
        Answered(snapshot.AgentId);
    }

    /// <summary>An agent's view, started (and his snapshot asked) the first time he is heard of.</summary>
    private SnapshotThenDeltas<AgentStatsSnapshot> View(string agent)
    {
        if (_views.TryGetValue(agent, out var view)) return view;
        _views[agent] = view = new SnapshotThenDeltas<AgentStatsSnapshot>((s, d) => s.Apply(d));
        Ask(agent);
        return view;
    }

    /// <summary>The statistics that differ from what was sent, one frame encoded once for the sessions that may see the agent.</summary>
    private void Send(string agent, IReadOnlyList<AgentStat> stats)
    {
        if (!_sent.TryGetValue(agent, out var sent)) _sent[agent] = sent = new Dictionary<string, AgentStat>(StringComparer.Ordinal);
        var changed = stats.Where(c => !sent.TryGetValue(c.Name, out var was) || was != c).ToArray();
        if (changed.Length == 0) return;
        foreach (var c in changed) sent[c.Name] = c;
        if (Id(agent) is not { } id) return;
        var group = GroupOf(agent);
        FeedFrame? frame = null;
        foreach (var (session, viewer) in _sessions)
            if (viewer.SeesAgent(agent, group))
                session.Tell(frame ??= new FeedFrame(PreEncoded.Of(Frame(id, changed))));
    }

    private static AgentStatistics Frame(int id, IEnumerable<AgentStat> stats)
        => new(id, stats.Select(s => new AgentStatValue(s.Name, s.Value)).ToArray());

    private static IEnumerable<AgentStat> Ordered(IEnumerable<AgentStat> stats)
        => stats.OrderBy(s => Array.IndexOf(AgentCounters.Names, s.Name));

    private int? GroupOf(string agent) => _directory.Agent(agent)?.GroupId;

    private static int? Id(string agent) => int.TryParse(agent, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private void Ask(string agent)
        => _agents.Ask<AgentStatsSnapshot>(new GetAgentStats(agent), AskTimeout).PipeTo(Self, failure: _ => new Unanswered(agent));

    private void Forget(IActorRef session)
    {
        _sessions.Remove(session);
        _joining.Remove(session);
        if (_sessions.Count > 0 || _joining.Count > 0 || !_following) return;
        // Nobody on this node follows the agents' statistics any more: stop receiving them.
        _following = false;
        _views.Clear();
        _sent.Clear();
        _mediator.Tell(new Unsubscribe(Topics.AgentStats, Self));
    }

    public static Props PropsFor(IActorRef agents, IActorRef mediator, EntityConfigDirectory directory)
        => Props.Create(() => new AgentStatsFeedActor(agents, mediator, directory));

    private sealed record Unanswered(string AgentId);

    private sealed record Joining(Rights.Visibility Viewer, HashSet<string> Waiting);
}
