using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Directory;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>
/// One line as this node's sessions see it: one subscription to the line's topic for the whole node, folded with
/// <see cref="SnapshotThenDeltas{T}"/>. Each change is encoded once (<see cref="PreEncoded"/>) and the same bytes go
/// to every session of the node that follows the line: its user's sessions (PhoneEvent, PhoneStatusUpdate) and the
/// sessions watching its hint (PhoneHintStatusEvent). What to send is the difference between the view before and
/// after each delta or snapshot, so a snapshot taken again after a gap sends what the gap hid (a call released).
/// </summary>
public sealed class LineFeedActor : ReceiveActor, IWithTimers
{
    private const string SnapshotTimer = "snapshot";
    private const string RefreshTimer = "refresh";
    private static readonly TimeSpan SnapshotRetry = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A new subscription reaches the other nodes by gossip (DistributedPubSub's 1 s interval): a delta the line published
    /// on another node meanwhile is lost, and only the next one would show the gap. One more snapshot after this long
    /// shows what was lost even if nothing follows.
    /// </summary>
    private static readonly TimeSpan GossipCatchUp = TimeSpan.FromSeconds(3);

    private readonly string _lineId;
    private readonly IActorRef _lines;
    private readonly IActorRef _mediator;
    private readonly Func<IReadOnlyList<SheetField>> _sheetFields;
    private readonly CallerNames? _names;
    /// <summary>What came while a caller's name was looked up, handled in order once it is known.</summary>
    private readonly Queue<object> _held = new();
    private bool _naming;
    private readonly SnapshotThenDeltas<LineSnapshot> _view = new((s, d) => s.Apply((ILineDelta)d));
    /// <summary>The sessions of the line's user on this node, with their outbox when they gave it.</summary>
    private readonly Dictionary<IActorRef, ISessionSink?> _owners = [];
    private readonly Dictionary<IActorRef, HashSet<string>> _watchers = [];
    private readonly List<(object Request, IActorRef Sender)> _pending = [];
    private LineSnapshot? _shown;
    /// <summary>The calls of <see cref="_shown"/> by uniqueid, as last sent.</summary>
    private Dictionary<string, PhoneCall> _shownCalls = new(StringComparer.Ordinal);
    private long _joins;

    public ITimerScheduler Timers { get; set; } = null!;

    public LineFeedActor(string lineId, IActorRef lines, IActorRef mediator, Func<IReadOnlyList<SheetField>>? sheetFields = null, CallerNames? names = null)
    {
        _sheetFields = sheetFields ?? (() => []);
        _names = names;
        _lineId = lineId;
        _lines = lines;
        _mediator = mediator;
        Receive<SubscribeAck>(_ => AskSnapshot());
        Receive<LineSnapshot>(s => NamedFirst(s));
        Receive<ILineDelta>(d => NamedFirst(d));
        Receive<CallersNamed>(_ => Resume());
        Receive<SnapshotDue>(_ => { if (_view.Current is null) AskSnapshot(); });
        Receive<RefreshDue>(_ => _lines.Tell(new GetLineState(_lineId)));
        Receive<JoinLineFeed>(j => Request(j, Join));
        Receive<WatchHint>(w => Request(w, Watch));
        Receive<GetCurrentCalls>(g => Request(g, (_, sender) => ToSession(sender, CurrentCalls())));
        Receive<UnwatchHint>(u =>
        {
            if (_watchers.Remove(u.Session) && !_owners.ContainsKey(u.Session)) Context.Unwatch(u.Session);
            IdleCheck();
        });
        Receive<Terminated>(t =>
        {
            _owners.Remove(t.ActorRef);
            _watchers.Remove(t.ActorRef);
            IdleCheck();
        });
    }

    protected override void PreStart() => _mediator.Tell(new Subscribe(Topics.Line(_lineId), Self));

    protected override void PostStop() => _mediator.Tell(new Unsubscribe(Topics.Line(_lineId), Self));

    /// <summary>
    /// A snapshot or delta whose incoming call shows only a number the node has no name for waits (with what comes
    /// after it) until the directory has been asked (docs/directory.md, "Caller names"): the ringing phone then shows
    /// the caller's name from its first PhoneEvent.
    /// </summary>
    private void NamedFirst(object message)
    {
        if (_naming)
        {
            _held.Enqueue(message);
            return;
        }
        var unknown = _names is null ? [] : Unnamed(message).Where(n => !_names.TryCached(n, out _)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            Handle(message);
            return;
        }
        _naming = true;
        _held.Enqueue(message);
        Task.WhenAll(unknown.Select(n => _names!.LookUpAsync(n))).WaitAsync(NamingTimeout)
            .PipeTo(Self, success: _ => CallersNamed.Instance, failure: _ => CallersNamed.Instance);
    }

    /// <summary>The longest a phone event waits for the directory to name its caller.</summary>
    private static readonly TimeSpan NamingTimeout = TimeSpan.FromSeconds(3);

    private void Resume()
    {
        _naming = false;
        while (_held.Count > 0 && !_naming) NamedFirst(_held.Dequeue());
    }

    private void Handle(object message)
    {
        switch (message)
        {
            case LineSnapshot snapshot: OnSnapshot(snapshot); break;
            case ILineDelta delta: OnDelta(delta); break;
        }
    }

    /// <summary>The numbers of incoming callers that come without a name in a snapshot or a call change.</summary>
    private static IEnumerable<string> Unnamed(object message) => message switch
    {
        LineSnapshot s => s.Calls.Where(NeedsName).Select(c => c.OtherDn),
        LineCallChanged { Call: var c } when c.Direction == CallDirections.Incoming && Known(c.ConnectedNum) is { } n
            && (Known(c.ConnectedName) is not { } name || name == n) => [n],
        _ => [],
    };

    private static string? Known(string? value) => string.IsNullOrEmpty(value) || value == "<unknown>" ? null : value;

    private static bool NeedsName(PhoneCall c)
        => c.CallDirection == CallDirections.Incoming && c.OtherDn.Length > 0 && (c.OtherDName.Length == 0 || c.OtherDName == c.OtherDn);

    /// <summary>The call with its caller's name from the directory, when the PBX gave only the number and the directory knows it.</summary>
    private PhoneCall Named(PhoneCall call)
        => _names is not null && NeedsName(call) && _names.TryCached(call.OtherDn, out var name) && name is not null ? call with { OtherDName = name } : call;

    private void AskSnapshot()
    {
        _lines.Tell(new GetLineState(_lineId));
        Timers.StartSingleTimer(SnapshotTimer, SnapshotDue.Instance, SnapshotRetry);
    }

    private void OnSnapshot(LineSnapshot snapshot)
    {
        // The catch-up snapshot may come after deltas it includes, or older than them: nothing to learn from it then.
        if (_view.Current is { } current && snapshot.Seq <= current.Seq) return;
        Timers.Cancel(SnapshotTimer);
        if (_shown is null) Timers.StartSingleTimer(RefreshTimer, RefreshDue.Instance, GossipCatchUp);
        _view.OnSnapshot(snapshot);
        Show();
        foreach (var (request, sender) in _pending) Serve(request, sender);
        _pending.Clear();
        IdleCheck();
    }

    private void OnDelta(ILineDelta delta)
    {
        switch (_view.OnDelta(delta))
        {
            case DeltaStep.Applied:
                ShowDelta(delta);
                break;
            case DeltaStep.Gap:
                AskSnapshot();
                break;
        }
    }

    /// <summary>A request before the first snapshot waits for it.</summary>
    private void Request<T>(T request, Action<T, IActorRef> serve) where T : notnull
    {
        _joins++;
        if (_shown is null) _pending.Add((request, Sender));
        else serve(request, Sender);
    }

    private void Serve(object request, IActorRef sender)
    {
        switch (request)
        {
            case JoinLineFeed j: Join(j, sender); break;
            case WatchHint w: Watch(w, sender); break;
            case GetCurrentCalls: ToSession(sender, CurrentCalls()); break;
        }
    }

    private void Join(JoinLineFeed join, IActorRef _)
    {
        var session = join.Session;
        if (!_owners.ContainsKey(session) && !_watchers.ContainsKey(session)) Context.Watch(session);
        _owners[session] = join.Sink;
        // What changed since the session's connect sequence: its calls, then its phone's state (the order of a change).
        var now = _shown!;
        foreach (var call in now.Calls) ToSession(session, Frame(PhoneEventMessage.Of(Named(call))));
        if (PhoneStatus.Of(join.DeviceStateSent) != PhoneStatus.Of(now.DeviceState))
            ToSession(session, Frame(new PhoneStatusUpdate(PhoneStatus.Of(now.DeviceState))));
    }

    private void Watch(WatchHint watch, IActorRef _)
    {
        if (!_watchers.TryGetValue(watch.Session, out var numbers))
        {
            _watchers[watch.Session] = numbers = new HashSet<string>(StringComparer.Ordinal);
            Context.Watch(watch.Session);
        }
        numbers.Add(watch.Number);
        watch.Session.Tell(Frame(new PhoneHintStatusEvent(watch.Number, PhoneHintStatus.Of(_shown!.DeviceState))));
    }

    private FeedFrame CurrentCalls()
        => Frame(new CurrentCallsPhoneEvents((_view.Current ?? _shown!).Calls.Select(c => PhoneEventMessage.Of(Named(c))).ToList()));

    /// <summary>
    /// Sends what one applied delta changed: only its call is compared (a busy line holds hundreds of calls, and
    /// comparing them all on every delta was most of a feed's time); a configuration change may change every call.
    /// </summary>
    private void ShowDelta(ILineDelta delta)
    {
        var before = _shown!;
        var now = _view.Current!;
        _shown = now;
        switch (delta)
        {
            case LineCallChanged changed:
                ShowCall(changed.Call.UniqueId, PhoneCalls.Of(changed.Call, now.LineId, now.Config) is { } call ? Named(call) : null, changed.Call.Name);
                break;
            case LineCallEnded ended:
                ShowCall(ended.UniqueId, null, "");
                break;
            case LineDeviceStateChanged:
                break;
            default:
                ShowAll(before, now);
                return;
        }
        ShowDeviceState(before, now);
    }

    /// <summary>One call as the line now shows it (null: no longer shown) against what was shown of it.</summary>
    private void ShowCall(string uniqueId, PhoneCall? call, string channel)
    {
        var old = _shownCalls.GetValueOrDefault(uniqueId);
        if (call is null)
        {
            if (old is not null && _shownCalls.Remove(uniqueId)) ToOwners(PhoneEventMessage.Of(old with { EventType = PhoneEventTypes.Released }));
            return;
        }
        _shownCalls[uniqueId] = call;
        if (old is null || old != call) ToOwners(PhoneEventMessage.Of(call));
        if (CallSheet.StartsRinging(old, call) && _owners.Count > 0 && CallSheet.For(call, channel, _sheetFields(), DateTimeOffset.UtcNow) is { } sheet)
            ToOwners(sheet);
    }

    /// <summary>Sends what changed between the view last shown and the current one (a snapshot: after a gap, or the first).</summary>
    private void Show()
    {
        var now = _view.Current!;
        var before = _shown;
        _shown = now;
        if (before is null)
        {
            _shownCalls = now.Calls.Select(Named).ToDictionary(c => c.UniqueId, StringComparer.Ordinal);
            return;
        }
        ShowAll(before, now);
    }

    private void ShowAll(LineSnapshot before, LineSnapshot now)
    {
        var was = before.Calls.Select(Named).ToDictionary(c => c.UniqueId, StringComparer.Ordinal);
        var calls = now.Calls.Select(Named).ToList();
        _shownCalls = calls.ToDictionary(c => c.UniqueId, StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var old = was.GetValueOrDefault(call.UniqueId);
            if (old is null || old != call) ToOwners(PhoneEventMessage.Of(call));
            if (CallSheet.StartsRinging(old, call) && _owners.Count > 0
                && CallSheet.For(call, now.Channels.FirstOrDefault(c => c.UniqueId == call.UniqueId)?.Name ?? "", _sheetFields(), DateTimeOffset.UtcNow) is { } sheet)
                ToOwners(sheet);
        }
        foreach (var gone in was.Values.Where(c => !_shownCalls.ContainsKey(c.UniqueId)))
            ToOwners(PhoneEventMessage.Of(gone with { EventType = PhoneEventTypes.Released }));
        ShowDeviceState(before, now);
    }

    private void ShowDeviceState(LineSnapshot before, LineSnapshot now)
    {
        if (PhoneStatus.Of(before.DeviceState) != PhoneStatus.Of(now.DeviceState))
            ToOwners(new PhoneStatusUpdate(PhoneStatus.Of(now.DeviceState)));
        var hint = PhoneHintStatus.Of(now.DeviceState);
        if (hint != PhoneHintStatus.Of(before.DeviceState) && _watchers.Count > 0)
        {
            var frames = new Dictionary<string, FeedFrame>(StringComparer.Ordinal);
            foreach (var (session, numbers) in _watchers)
                foreach (var number in numbers)
                {
                    if (!frames.TryGetValue(number, out var frame)) frames[number] = frame = Frame(new PhoneHintStatusEvent(number, hint));
                    session.Tell(frame);
                }
        }
    }

    private void ToOwners(ICtiMessage message)
    {
        if (_owners.Count == 0) return;
        var frame = Frame(message);
        foreach (var (session, sink) in _owners) FeedDelivery.To(session, sink, frame);
    }

    private void ToSession(IActorRef session, FeedFrame frame) => FeedDelivery.To(session, _owners.GetValueOrDefault(session), frame);

    private static FeedFrame Frame(ICtiMessage message) => new(PreEncoded.Of(message));

    private void IdleCheck()
    {
        if (_owners.Count == 0 && _watchers.Count == 0 && _pending.Count == 0) Context.Parent.Tell(new FeedIdle(_lineId, _joins));
    }

    public static Props PropsFor(string lineId, IActorRef lines, IActorRef mediator, Func<IReadOnlyList<SheetField>>? sheetFields = null, CallerNames? names = null)
        => Props.Create(() => new LineFeedActor(lineId, lines, mediator, sheetFields, names));

    private sealed record CallersNamed
    {
        public static readonly CallersNamed Instance = new();
    }

    private sealed record SnapshotDue
    {
        public static readonly SnapshotDue Instance = new();
    }

    private sealed record RefreshDue
    {
        public static readonly RefreshDue Instance = new();
    }
}
