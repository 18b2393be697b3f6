using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.DistributedData;
using Akka.Event;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;
using Subscribe = Akka.Cluster.Tools.PublishSubscribe.Subscribe;
using SubscribeAck = Akka.Cluster.Tools.PublishSubscribe.SubscribeAck;

namespace Xuc.Actors.History;

/// <summary>
/// The one writer of the call history: a child of the AMI connection singleton, fed every AMI event. It folds them
/// with <see cref="CallTracker"/> and writes the rows it yields in order, one transaction at a time (what arrives
/// meanwhile is written next, in one batch); a failed write is retried every second, nothing is dropped below
/// 100,000 waiting rows. Every hour (and at start) it deletes rows older than the retention. It knows which agent is
/// logged on an interface as the router does: the replicated <see cref="AgentInterfaces"/> map, the
/// <c>agent-logins</c> topic, and the state interfaces the queue member events report.
/// </summary>
public sealed class CallHistoryRecorderActor : ReceiveActor, IWithTimers
{
    private const int MaxWaiting = 100_000;
    private readonly CallHistoryService _service;
    private readonly CallTracker _tracker;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, string> _agentByInterface = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _stateInterfaces = new(StringComparer.OrdinalIgnoreCase);
    private List<HistoryWrite> _waiting = [];
    private List<HistoryWrite>? _writing;

    public ITimerScheduler Timers { get; set; } = null!;

    public CallHistoryRecorderActor(CallHistoryService service)
    {
        _service = service;
        _tracker = new CallTracker(AgentOf);
        Receive<AmiEventData>(OnEvent);
        Receive<ResyncSnapshot>(r =>
        {
            if (r.Channels is { } channels)
                Enqueue(_tracker.Reconcile(channels.Select(c => c["Uniqueid"]).OfType<string>().ToHashSet(StringComparer.Ordinal), _service.Clock.GetUtcNow()));
        });
        Receive<Written>(_ =>
        {
            _writing = null;
            Flush();
        });
        Receive<WriteFailed>(f =>
        {
            _log.Warning("Call history: writing {0} rows failed, retrying in 1 s: {1}", _writing?.Count ?? 0, f.Reason);
            _waiting.InsertRange(0, _writing ?? []);
            _writing = null;
            Timers.StartSingleTimer("retry", Retry.Instance, TimeSpan.FromSeconds(1));
        });
        Receive<Retry>(_ => Flush());
        Receive<Purge>(_ => PurgeAsync().PipeTo(Self));
        Receive<Purged>(p => { if (p.Rows > 0) _log.Info("Call history: {0} rows older than {1} days deleted", p.Rows, _service.Settings.RetentionDays); });
        Receive<Status.Failure>(f => _log.Warning("Call history: {0}", f.Cause.Message));
        Receive<AgentLoggedIn>(e => _agentByInterface[e.Interface] = e.AgentId);
        Receive<AgentLoggedOut>(e =>
        {
            foreach (var kv in _agentByInterface.Where(kv => kv.Value == e.AgentId).ToList()) _agentByInterface.Remove(kv.Key);
        });
        Receive<GetSuccess>(g => g.Key.Equals(AgentInterfaces.Key), g => UseRegistry(g.Get(AgentInterfaces.Key)));
        Receive<Changed>(c => c.Key.Equals(AgentInterfaces.Key), c => UseRegistry(c.Get(AgentInterfaces.Key)));
        Receive<IGetResponse>(_ => { });
        Receive<Messages.Queries.GetAgentOfInterface>(q => Sender.Tell(new Messages.Queries.AgentOfInterface(q.Interface, AgentOf(q.Interface))));
        Receive<SubscribeAck>(_ => { });
    }

    public static Props PropsFor(CallHistoryService service) => Props.Create(() => new CallHistoryRecorderActor(service));

    protected override void PreStart()
    {
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(Topics.AgentLogins, Self));
        AgentInterfaces.Read(Context);
        AgentInterfaces.Subscribe(Context);
        Self.Tell(Purge.Instance);
        Timers.StartPeriodicTimer("purge", Purge.Instance, TimeSpan.FromHours(1));
    }

    private void OnEvent(AmiEventData e)
    {
        var member = e["Interface"] ?? e["Location"] ?? e["MemberInterface"];
        if (member is not null && e["StateInterface"] is { Length: > 0 } state && state != member) _stateInterfaces[member] = state;
        Enqueue(_tracker.On(e, EventTime(e["Timestamp"]) ?? _service.Clock.GetUtcNow()));
    }

    private void Enqueue(IReadOnlyList<HistoryWrite> writes)
    {
        if (writes.Count == 0) return;
        _waiting.AddRange(writes);
        if (_waiting.Count > MaxWaiting)
        {
            _log.Warning("Call history: {0} rows wait for the database; the oldest {1} are dropped", _waiting.Count, _waiting.Count - MaxWaiting);
            _waiting.RemoveRange(0, _waiting.Count - MaxWaiting);
        }
        Flush();
    }

    private void Flush()
    {
        if (_writing is not null || _waiting.Count == 0 || Timers.IsTimerActive("retry")) return;
        _writing = _waiting;
        _waiting = [];
        _service.Store.WriteAsync(_writing).PipeTo(Self, success: () => Written.Instance, failure: e => new WriteFailed(e.GetBaseException().Message));
    }

    /// <summary>
    /// When the PBX stamped the event (manager.conf <c>timestampevents = yes</c>: <c>Timestamp: 1764316800.123456</c>),
    /// else null: the row is timed when the recorder reads the event.
    /// </summary>
    internal static DateTimeOffset? EventTime(string? timestamp)
        => decimal.TryParse(timestamp, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    private async Task<Purged> PurgeAsync()
        => new(await _service.Store.PurgeAsync(_service.Clock.GetUtcNow().AddDays(-_service.Settings.RetentionDays)));

    private string? AgentOf(string memberInterface)
        => _agentByInterface.TryGetValue(memberInterface, out var agentId) ? agentId
            : _stateInterfaces.TryGetValue(memberInterface, out var device) && _agentByInterface.TryGetValue(device, out agentId) ? agentId
            : null;

    private void UseRegistry(LWWDictionary<string, string> registry)
    {
        foreach (var (k, v) in registry.Entries) _agentByInterface[k] = v;
    }

    private sealed record Written { public static readonly Written Instance = new(); }
    private sealed record WriteFailed(string Reason);
    private sealed record Retry { public static readonly Retry Instance = new(); }
    private sealed record Purge { public static readonly Purge Instance = new(); }
    private sealed record Purged(int Rows);
}
