using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Configuration;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Rights;
using Xuc.Actors.Statistics;

namespace Xuc.Actors.Sessions.Queues;

/// <summary>
/// The node's queue feeds (<c>/user/queue-feeds</c>, node-local): the sessions of this node that follow the queues'
/// statistics (<c>queue-stats</c> topic) or a queue's waiting calls (<c>queue:&lt;name&gt;</c> topic). Each feed folds its
/// topic snapshot-then-deltas (<see cref="SnapshotThenDeltas{T}"/>), encodes each change once (<see cref="PreEncoded"/>)
/// and hands the same bytes to every session that follows it. A session that joins gets the current frames first.
/// The statistics are sent in batches (<c>xuc.statistics.coalesce</c>): a queue's changes within one batch become one
/// frame with the newest values, and a session gets the batch's frames written into its outbox at once.
/// </summary>
public sealed class QueueFeedsActor : ReceiveActor
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    private readonly IActorRef _queues;
    private readonly IActorRef _mediator;
    private readonly EntityConfigDirectory _directory;
    private readonly TimeProvider _clock;
    private readonly QueueStatsSettings _settings;

    /// <summary>The statistics sessions, what each may see (a Supervisor: his queues) and its outbox if it gave it.</summary>
    private readonly Dictionary<IActorRef, StatsSession> _statsSessions = [];
    private readonly Dictionary<string, SnapshotThenDeltas<QueueStatsSnapshot>> _statsViews = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Per queue, the counters every statistics session of this node has been sent.</summary>
    private readonly Dictionary<string, Dictionary<string, QueueStat>> _statsSent = new(StringComparer.OrdinalIgnoreCase);
    private bool _followingStats;
    /// <summary>The queues whose counters changed since the last batch, in the order they first did.</summary>
    private readonly List<string> _unsent = [];
    private readonly HashSet<string> _unsentQueues = new(StringComparer.OrdinalIgnoreCase);
    private bool _sendDue;
    /// <summary>From when (the clock's timestamp) a batch may go at once: <c>xuc.statistics.coalesce</c> after the last one.</summary>
    private long _quietFrom;

    private readonly Dictionary<string, CallsFeed> _calls = new(StringComparer.OrdinalIgnoreCase);

    public QueueFeedsActor(IActorRef queues, IActorRef mediator, EntityConfigDirectory directory, QueueStatsSettings settings, TimeProvider clock)
    {
        _queues = queues;
        _mediator = mediator;
        _directory = directory;
        _settings = settings;
        _clock = clock;

        Receive<SubscribeQueueStats>(SubscribeStats);
        Receive<SendStatsDue>(_ => SendStats());
        Receive<QueueStatsChanged>(OnStatsDelta);
        Receive<QueueStatsSnapshot>(OnStatsSnapshot);
        Receive<StatsUnanswered>(u => { if (_followingStats) AskStats(u.Queue); });

        Receive<SubscribeQueueCalls>(SubscribeCalls);
        Receive<UnsubscribeQueueCalls>(u =>
        {
            if (_directory.QueueById(u.QueueId) is { } q) LeaveCalls(q.Name, u.Session);
            else u.Session.Tell(new FeedFrame(new CtiError(QueueErrors.UnknownQueue, $"unSubscribeToQueueCalls: no queue has id {u.QueueId}")));
        });
        Receive<IQueueDelta>(OnQueueDelta);
        Receive<QueueSnapshot>(OnQueueSnapshot);
        Receive<CallsUnanswered>(u => { if (_calls.ContainsKey(u.Queue)) AskCalls(u.Queue); });

        Receive<AskQueueStatistics>(AnswerWindow);
        Receive<SubscribeAck>(OnSubscribed);
        Receive<UnsubscribeAck>(_ => { });
        Receive<Terminated>(t => Forget(t.ActorRef));
    }

    // Statistics ---------------------------------------------------------------------------------------------------

    private void SubscribeStats(SubscribeQueueStats subscribe)
    {
        var (session, visibility) = (subscribe.Session, subscribe.Visibility ?? Visibility.Everything);
        if (!_statsSessions.TryAdd(session, new StatsSession(visibility, subscribe.Sink))) return;
        Context.Watch(session);
        // What the other sessions were sent; a change not sent yet comes to this one with them, as a delta.
        var current = _statsSent.Where(q => Sees(visibility, q.Key)).OrderBy(q => _directory.Queue(q.Key)?.Id ?? int.MaxValue).ThenBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => (ICtiMessage)PreEncoded.Of(QueueStatisticsFrames.Statistics(q.Key, _directory.Queue(q.Key), Ordered(q.Value.Values)))).ToArray();
        if (current.Length > 0) FeedDelivery.To(session, subscribe.Sink, current);
        if (_followingStats) return;
        _followingStats = true;
        _mediator.Tell(new Subscribe(Topics.QueueStats, Self));
    }

    private void OnStatsDelta(QueueStatsChanged delta)
    {
        if (!_followingStats) return;
        var view = StatsView(delta.QueueId);
        switch (view.OnDelta(delta))
        {
            case PubSub.DeltaStep.Applied:
                Unsent(delta.QueueId);
                break;
            case PubSub.DeltaStep.Gap:
                AskStats(delta.QueueId);
                break;
        }
    }

    private void OnStatsSnapshot(QueueStatsSnapshot snapshot)
    {
        if (!_followingStats) return;
        var view = StatsView(snapshot.QueueId);
        view.OnSnapshot(snapshot);
        if (view.Current is not null) Unsent(snapshot.QueueId);
        else AskStats(snapshot.QueueId);
    }

    /// <summary>A queue's view, started (and its snapshot asked) the first time the queue is heard of.</summary>
    private SnapshotThenDeltas<QueueStatsSnapshot> StatsView(string queue)
    {
        if (_statsViews.TryGetValue(queue, out var view)) return view;
        _statsViews[queue] = view = new SnapshotThenDeltas<QueueStatsSnapshot>((s, d) => s.Apply(d));
        AskStats(queue);
        return view;
    }

    /// <summary>
    /// The queue's counters changed: they go out with the next batch, at most one batch per <c>xuc.statistics.coalesce</c>.
    /// After a quiet interval the batch goes once the feed has handled what its mailbox already holds; within the interval
    /// after the last batch, when that interval ends (a timer of the feed's clock, precise to the millisecond: the actor
    /// scheduler's 10 ms ticks would add up to 10 ms).
    /// </summary>
    private void Unsent(string queue)
    {
        if (!_unsentQueues.Add(queue)) return;
        _unsent.Add(queue);
        if (_sendDue) return;
        _sendDue = true;
        var now = _clock.GetTimestamp();
        if (now >= _quietFrom) Self.Tell(SendStatsDue.Instance);
        else Task.Delay(_clock.GetElapsedTime(now, _quietFrom), _clock).PipeTo(Self, success: () => SendStatsDue.Instance);
    }

    /// <summary>
    /// One frame per queue whose counters differ from what the sessions were sent, with the newest values, encoded once;
    /// each session gets those it may see, together (one write on its socket).
    /// </summary>
    private void SendStats()
    {
        if (!_sendDue) return;
        _sendDue = false;
        if (_unsent.Count == 0) return;
        _quietFrom = _clock.GetTimestamp() + (long)(_settings.Coalesce.TotalSeconds * _clock.TimestampFrequency);
        var frames = new List<(string Queue, ICtiMessage Frame)>(_unsent.Count);
        foreach (var queue in _unsent)
            if (_statsViews.TryGetValue(queue, out var view) && view.Current is { } current && Changes(queue, current.Counters) is { } frame)
                frames.Add((queue, frame));
        _unsent.Clear();
        _unsentQueues.Clear();
        if (frames.Count == 0 || _statsSessions.Count == 0) return;
        var all = frames.Select(f => f.Frame).ToArray();
        foreach (var (session, (visibility, sink)) in _statsSessions)
        {
            var seen = visibility.SeesEverything ? all : frames.Where(f => Sees(visibility, f.Queue)).Select(f => f.Frame).ToArray();
            if (seen.Length > 0) FeedDelivery.To(session, sink, seen);
        }
    }

    /// <summary>The counters that differ from what the sessions were sent, as one frame (null: none), now counted as sent.</summary>
    private ICtiMessage? Changes(string queue, IReadOnlyList<QueueStat> counters)
    {
        if (!_statsSent.TryGetValue(queue, out var sent)) _statsSent[queue] = sent = new Dictionary<string, QueueStat>(StringComparer.Ordinal);
        var changed = counters.Where(c => !sent.TryGetValue(c.Name, out var was) || was.Value != c.Value).ToArray();
        if (changed.Length == 0) return null;
        foreach (var c in changed) sent[c.Name] = c;
        return PreEncoded.Of(QueueStatisticsFrames.Statistics(queue, _directory.Queue(queue), changed));
    }

    /// <summary>A queue the configuration does not know (named by <c>queueRef</c>) is for those who see everything.</summary>
    private bool Sees(Visibility visibility, string queue)
        => _directory.Queue(queue) is { } q ? visibility.SeesQueue(q.Id, _directory) : visibility.SeesEverything;

    /// <returns>The error for a queue the session's profile does not list; null when it may see it.</returns>
    private CtiError? Hidden(Visibility? visibility, Configuration.Model.Queue queue, string command)
        => visibility is null || visibility.SeesQueue(queue.Id, _directory) ? null
            : new CtiError(CtiErrors.NotAuthorized, $"{command}: queue {queue.Id} is not visible to the {visibility.Profile} profile");

    private static IEnumerable<QueueStat> Ordered(IEnumerable<QueueStat> counters)
    {
        var order = QueueCounters.Of(DayCounters.Zero, 0, null, default).Select(c => c.Name).ToList();
        return counters.OrderBy(c => order.IndexOf(c.Name));
    }

    private void AskStats(string queue)
        => _queues.Ask<QueueStatsSnapshot>(new GetQueueStats(queue), AskTimeout)
            .PipeTo(Self, failure: _ => new StatsUnanswered(queue, true));

    // Waiting calls ------------------------------------------------------------------------------------------------

    private void SubscribeCalls(SubscribeQueueCalls s)
    {
        if (_directory.QueueById(s.QueueId) is not { } queue)
        {
            s.Session.Tell(new FeedFrame(new CtiError(QueueErrors.UnknownQueue, $"subscribeToQueueCalls: no queue has id {s.QueueId}")));
            return;
        }
        if (Hidden(s.Visibility, queue, QueueCommands.SubscribeToQueueCalls) is { } hidden)
        {
            s.Session.Tell(new FeedFrame(hidden));
            return;
        }
        if (!_calls.TryGetValue(queue.Name, out var feed))
        {
            _calls[queue.Name] = feed = new CallsFeed(queue.Id);
            _mediator.Tell(new Subscribe(Topics.Queue(queue.Name), Self));
        }
        if (!feed.Sessions.Add(s.Session)) return;
        Context.Watch(s.Session);
        if (feed.Last is { } last) s.Session.Tell(new FeedFrame(last));
    }

    private void OnQueueSnapshot(QueueSnapshot snapshot)
    {
        if (!_calls.TryGetValue(snapshot.QueueId, out var feed)) return;
        feed.View.OnSnapshot(snapshot);
        if (feed.View.Current is { } current) SendCalls(feed, current);
        else AskCalls(snapshot.QueueId);
    }

    private void OnQueueDelta(IQueueDelta delta)
    {
        if (!_calls.TryGetValue(delta.QueueId, out var feed)) return;
        switch (feed.View.OnDelta(delta))
        {
            case PubSub.DeltaStep.Applied when delta is QueueCallerWaiting or QueueCallerGone:
                SendCalls(feed, feed.View.Current!);
                break;
            case PubSub.DeltaStep.Gap:
                AskCalls(delta.QueueId);
                break;
        }
    }

    /// <summary>The waiting calls, when they differ from the last frame, to every session of the queue (encoded once).</summary>
    private void SendCalls(CallsFeed feed, QueueSnapshot queue)
    {
        var frame = PreEncoded.Of(QueueStatisticsFrames.Calls(feed.QueueId, queue, _clock.LocalTimeZone));
        if (feed.Last is { } last && last.Utf8.AsSpan().SequenceEqual(frame.Utf8)) return;
        feed.Last = frame;
        var message = new FeedFrame(frame);
        foreach (var session in feed.Sessions) session.Tell(message);
    }

    private void AskCalls(string queue)
        => _queues.Ask<QueueSnapshot>(new GetQueueState(queue), AskTimeout)
            .PipeTo(Self, failure: _ => new CallsUnanswered(queue, true));

    private void LeaveCalls(string queue, IActorRef session)
    {
        if (!_calls.TryGetValue(queue, out var feed) || !feed.Sessions.Remove(session) || feed.Sessions.Count > 0) return;
        _calls.Remove(queue);
        _mediator.Tell(new Unsubscribe(Topics.Queue(queue), Self));
    }

    // Sliding window -----------------------------------------------------------------------------------------------

    private void AnswerWindow(AskQueueStatistics a)
    {
        var max = (long)_settings.MaxWindow.TotalSeconds;
        var xqos = a.Xqos ?? _settings.ThresholdSeconds;
        var wrong = a.Window <= 0 ? $"getQueueStatistics: window must be a number of seconds above 0, not {a.Window}"
            : a.Window > max ? $"getQueueStatistics: window must be at most {max} seconds (xuc.statistics.max-window), not {a.Window}"
            : xqos < 0 || xqos > max ? $"getQueueStatistics: xqos must be a number of seconds from 0 to {max}, not {xqos}"
            : null;
        if (_directory.QueueById(a.QueueId) is not { } queue)
        {
            a.Session.Tell(new FeedFrame(new CtiError(QueueErrors.UnknownQueue, $"getQueueStatistics: no queue has id {a.QueueId}")));
            return;
        }
        if (Hidden(a.Visibility, queue, QueueCommands.GetQueueStatistics) is { } hidden)
        {
            a.Session.Tell(new FeedFrame(hidden));
            return;
        }
        if (wrong is not null)
        {
            a.Session.Tell(new FeedFrame(new CtiError(CtiErrors.InvalidArgument, wrong)));
            return;
        }
        _queues.Ask<QueueStatsWindow>(new GetQueueStatsWindow(queue.Name, (int)a.Window, (int)xqos), AskTimeout)
            .PipeTo(a.Session,
                success: w => new FeedFrame(QueueStatisticsFrames.Window(queue.Id, w)),
                failure: _ => new FeedFrame(new CtiError(QueueErrors.StatisticsUnavailable, $"getQueueStatistics: the statistics of queue {a.QueueId} did not answer")));
    }

    // Both ---------------------------------------------------------------------------------------------------------

    private void OnSubscribed(SubscribeAck ack)
    {
        var topic = ack.Subscribe.Topic;
        if (topic == Topics.QueueStats)
        {
            if (!_followingStats) return;
            foreach (var queue in _directory.Queues.OrderBy(q => q.Id)) StatsView(queue.Name);
        }
        else if (topic.StartsWith(Topics.Queue(""), StringComparison.Ordinal) && _calls.ContainsKey(topic[Topics.Queue("").Length..]))
            AskCalls(topic[Topics.Queue("").Length..]);
    }

    private void Forget(IActorRef session)
    {
        _statsSessions.Remove(session);
        foreach (var queue in _calls.Where(c => c.Value.Sessions.Contains(session)).Select(c => c.Key).ToList()) LeaveCalls(queue, session);
        if (_statsSessions.Count > 0 || !_followingStats) return;
        // Nobody on this node follows the statistics any more: stop receiving them.
        _followingStats = false;
        _statsViews.Clear();
        _statsSent.Clear();
        _unsent.Clear();
        _unsentQueues.Clear();
        _sendDue = false;
        _mediator.Tell(new Unsubscribe(Topics.QueueStats, Self));
    }

    public static Props PropsFor(IActorRef queues, IActorRef mediator, EntityConfigDirectory directory, QueueStatsSettings settings, TimeProvider clock)
        => Props.Create(() => new QueueFeedsActor(queues, mediator, directory, settings, clock));

    private sealed class CallsFeed(int queueId)
    {
        public int QueueId { get; } = queueId;
        public SnapshotThenDeltas<QueueSnapshot> View { get; } = new((s, d) => s.Apply((IQueueDelta)d));
        public HashSet<IActorRef> Sessions { get; } = [];
        public PreEncoded? Last { get; set; }
    }

    private sealed record StatsSession(Visibility Visibility, ISessionSink? Sink);

    private sealed record SendStatsDue
    {
        public static readonly SendStatsDue Instance = new();
    }

    private sealed record StatsUnanswered(string Queue, bool Retry);
    private sealed record CallsUnanswered(string Queue, bool Retry);
}
