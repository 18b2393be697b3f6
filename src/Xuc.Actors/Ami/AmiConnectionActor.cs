using Akka.Actor;
using Akka.Event;
using Xuc.Ami.Actions;
using Xuc.Ami.Client;
using Xuc.Ami.Events;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Metrics;

namespace Xuc.Actors.Ami;

/// <summary>
/// The one AMI connection to the PBX (a cluster singleton). It owns the <see cref="AmiClient"/>, hands every
/// unsolicited event to its <see cref="AmiRouterActor"/>, and on every (re)login rebuilds the picture with
/// CoreShowChannels, QueueStatus, ExtensionStateList and ConfbridgeListRooms (and each room's ConfbridgeList) before
/// trusting deltas; ConfBridge events also go to its <see cref="Conferences.ConferenceTrackerActor"/>. Any node's
/// <see cref="PbxRequest"/> is written to the PBX and answered with a <see cref="PbxResult"/>.
/// </summary>
public sealed class AmiConnectionActor : ReceiveActor
{
    private readonly AmiClientOptions _options;
    private readonly IActorRef _lines, _agents, _queues;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef _router = ActorRefs.Nobody;
    private IActorRef _conferences = ActorRefs.Nobody;
    private IActorRef? _history;
    private readonly AmiLinkLog _linkLog;
    private AmiClient? _client;
    private volatile bool _stopped;
    private AmiStatus _status = new(false, null, DateTimeOffset.UtcNow);
    private readonly OriginateOutcomes _originates = new();
    private readonly EventRate _events = new();
    private int _logins;
    private XucMetrics? _metrics;

    public AmiConnectionActor(AmiClientOptions options, IActorRef lines, IActorRef agents, IActorRef queues)
    {
        _options = options;
        _lines = lines;
        _agents = agents;
        _queues = queues;
        _linkLog = new AmiLinkLog(options);

        Receive<AmiEventData>(e =>
        {
            _events.Add();
            Metrics()?.AmiEvents.Inc();
            _router.Tell(e);
            History().Tell(e);
            _conferences.Tell(e);
            if (OriginateOutcomes.Concerns(e)) _originates.Observe(e, DateTimeOffset.UtcNow);
        });
        Receive<WatchOriginate>(w => _originates.Watch(w.ActionId, w.Watcher, DateTimeOffset.UtcNow));
        Receive<Conferences.GetConferenceRooms>(m => _conferences.Forward(m));
        Receive<AmiConnectionState>(OnLinkState);
        Receive<Resynchronise>(_ => ResynchroniseAsync().PipeTo(Self));
        Receive<ResyncDone>(d => _log.Info("AMI resynchronised: {0} list events replayed", d.Events));
        Receive<ResynchroniseAmi>(_ =>
        {
            if (_client is not { IsConnected: true }) Sender.Tell(new Status.Failure(new InvalidOperationException("not connected to the PBX")));
            else ResynchroniseAsync().PipeTo(Sender, success: d => new AmiResynchronised(d.Events));
        });
        Receive<Status.Failure>(f => _log.Warning("AMI: {0}", f.Cause.Message));
        Receive<GetAmiStatus>(_ => Sender.Tell(_status with { EventsTotal = _events.Total, EventsPerSecond = _events.PerSecond(), Reconnects = Math.Max(0, _logins - 1) }));
        Receive<PbxRequest>(r => (r.Watcher is null ? PbxExchange.RunAsync(_client, r, Metrics()) : RunWatchedAsync(r)).PipeTo(Sender));
    }

    /// <summary>An Originate whose watcher is told if its call fails later: watched from its answer's ActionID.</summary>
    private async Task<PbxResult> RunWatchedAsync(PbxRequest r)
    {
        var self = Self;
        var result = await PbxExchange.RunAsync(_client, r, Metrics());
        if (result is PbxAnswered answered && answered["ActionID"] is { } id) self.Tell(new WatchOriginate(id, r.Watcher!));
        return result;
    }

    private sealed record WatchOriginate(string ActionId, IActorRef Watcher);

    protected override void PreStart()
    {
        _router = Context.ActorOf(AmiRouterActor.PropsFor(_lines, _agents, _queues), "router");
        _conferences = Context.ActorOf(Conferences.ConferenceTrackerActor.PropsFor(), "conferences");
        var self = Self;
        var router = (_router as ActorRefWithCell)?.Underlying;
        if (Metrics() is { } metrics && router is not null) metrics.RouterMailboxDepth = () => router.NumberOfMessages;
        _client = new AmiClient(_options);
        _client.MessageReceived += m => self.Tell(AmiEventConversion.ToData(m));
        _client.StateChanged += s => { if (!_stopped) self.Tell(s); };
        _client.Resynchronise += () => self.Tell(Resynchronise.Instance);
        _client.Start();
    }

    /// <summary>The call-history recorder (docs/cti-websocket.md, "Call history"), started with the first event; Nobody without a history service.</summary>
    private IActorRef History() => _history ?? (Services.NodeServices.For(Context.System).Get<Xuc.Actors.History.CallHistoryService>() is { } service
        ? _history = Context.ActorOf(Xuc.Actors.History.CallHistoryRecorderActor.PropsFor(service), "call-history")
        : ActorRefs.Nobody);

    private void OnLinkState(AmiConnectionState state)
    {
        if (state.Status is AmiLinkStatus.Connecting or AmiLinkStatus.Stopped) return;
        var now = DateTimeOffset.UtcNow;
        _status = state.IsConnected
            ? new AmiStatus(true, null, now) { LastFailure = _status.LastFailure, LastFailureAt = _status.LastFailureAt }
            : new AmiStatus(false, state.ToString(), now) { LastFailure = state.ToString(), LastFailureAt = now };
        if (state.IsConnected && ++_logins > 1) Metrics()?.AmiReconnects.Inc();
        Metrics()?.AmiConnected.Set(state.IsConnected ? 1 : 0);
        if (_linkLog.On(state) is not { } line) return;
        var level = line.Level switch
        {
            Microsoft.Extensions.Logging.LogLevel.Error => LogLevel.ErrorLevel,
            Microsoft.Extensions.Logging.LogLevel.Warning => LogLevel.WarningLevel,
            Microsoft.Extensions.Logging.LogLevel.Information => LogLevel.InfoLevel,
            _ => LogLevel.DebugLevel,
        };
        _log.Log(level, null, "{0}", line.Text);
    }

    /// <summary>The node's metrics, looked up until the host has registered them.</summary>
    private XucMetrics? Metrics() => _metrics ??= XucMetrics.Of(Context.System);

    protected override void PostStop()
    {
        _stopped = true;
        if (_metrics is { } metrics)
        {
            metrics.RouterMailboxDepth = null;
            metrics.AmiConnected.Set(0);
        }
        var client = _client;
        if (client is not null) _ = client.DisposeAsync().AsTask();
    }

    private async Task<ResyncDone> ResynchroniseAsync()
    {
        var client = _client!;
        var router = _router;
        var history = History();
        var conferences = _conferences;
        // Channels and queue status reconcile the entities (what ended unseen is dropped); hints and conference
        // rooms are replayed as events.
        var channels = await ListAsync(client, new CoreShowChannelsAction());
        var queueStatus = await ListAsync(client, new QueueStatusAction());
        router.Tell(new ResyncSnapshot(channels, queueStatus));
        history.Tell(new ResyncSnapshot(channels, queueStatus));
        var count = (channels?.Count ?? 0) + (queueStatus?.Count ?? 0);
        foreach (AmiAction action in new AmiAction[] { new ExtensionStateListAction(), new ConfbridgeListRoomsAction() })
        {
            var items = await ListAsync(client, action);
            foreach (var e in items ?? [])
            {
                router.Tell(e);
                conferences.Tell(e);
            }
            count += items?.Count ?? 0;
            if (action is not ConfbridgeListRoomsAction) continue;
            // Each running room's participants (ConfbridgeList), for the conference tracker only.
            foreach (var room in (items ?? []).Select(e => e["Conference"]).OfType<string>())
                foreach (var member in await ListAsync(client, new ConfbridgeListAction { Conference = room }) ?? [])
                    conferences.Tell(member);
        }
        return new ResyncDone(count);
    }

    /// <summary>A list's items, or null when the PBX refused it (e.g. no conference module, no active conference).</summary>
    private async Task<IReadOnlyList<AmiEventData>?> ListAsync(AmiClient client, AmiAction action)
    {
        try
        {
            var result = await client.SendListAsync(action);
            return result.Response.IsSuccess ? result.Events.Select(AmiEventConversion.ToData).ToList() : [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.Warning("AMI resync {0} failed: {1}", action.Name, e.Message);
            return null;
        }
    }

    public static Props PropsFor(AmiClientOptions options, IActorRef lines, IActorRef agents, IActorRef queues)
        => Props.Create(() => new AmiConnectionActor(options, lines, agents, queues));

    private sealed class Resynchronise { public static readonly Resynchronise Instance = new(); }
    private sealed record ResyncDone(int Events);
}
