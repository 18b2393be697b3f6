using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.DistributedData;
using Akka.Event;
using Akka.Persistence;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using AgentConfig = Xuc.Actors.Configuration.Model.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;
using Xuc.Actors.Statistics;

namespace Xuc.Actors.Entities.Agent;

/// <summary>
/// A sharded, event-sourced entity per agent. Login, queues and pause are recorded as the PBX reports them (member
/// events, QueueStatus) and survive restarts (Akka.Persistence.Sql); call progress comes from the AMI events the
/// router sends for the agent's interface. CTI requests (login, logout, pause) run one at a time: the PBX is asked,
/// its refusal is answered, and the state follows the PBX's events (AgentActor.Requests.cs); after a restart the PBX's
/// QueueStatus wins (AgentActor.PbxCheck.cs).
/// </summary>
public sealed partial class AgentActor : ReceivePersistentActor, IWithTimers
{
    private const int SnapshotEvery = 100;
    private const string WrapUpTimer = "wrap-up";
    private const string CheckTimer = "pbx-check";
    private static readonly TimeSpan CheckRetry = TimeSpan.FromSeconds(2);
    private const int CheckAttempts = 30;

    private AgentState _state;
    private AgentConfig? _config;
    private readonly EntityConfigDirectory? _directory;
    private readonly IActorRef _mediator;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Queue<(object Request, IActorRef ReplyTo)> _waiting = new();
    private bool _busy;
    private object? _busyWith;
    /// <summary>Member events that came while a login ran, applied when it is done.</summary>
    private readonly List<AmiEventData> _held = [];
    /// <summary>The member events a refused login's undoing will still bring (swallowed when they come).</summary>
    private readonly HashSet<string> _echoes = [];
    /// <summary>A change made while a request ran, published when it is done (one AgentStateEvent per request).</summary>
    private bool _unpublished;
    /// <summary>What clients last heard: status, phone, pause reason, queues, configuration.</summary>
    private (AgentStatus, string?, string?, string, AgentConfig?, string?, bool?) _published;
    private int _checks;
    /// <summary>His statistics aggregator (<see cref="AgentStatsActor"/>), told every change of his state.</summary>
    private readonly IActorRef? _stats;
    private readonly TimeProvider _clock;
    /// <summary>The line device of each listener whose listen we originated → his login (for his AgentListen frames).</summary>
    private readonly Dictionary<string, string> _listeners = new(StringComparer.OrdinalIgnoreCase);

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    public AgentActor(string agentId, EntityConfigDirectory? directory, AgentStatsSettings? stats = null, TimeProvider? clock = null)
    {
        PersistenceId = "agent-" + agentId;
        _state = AgentState.Empty(agentId);
        _directory = directory;
        _config = directory?.Agent(agentId);
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        _clock = clock ?? TimeProvider.System;
        _stats = stats is null ? null : Context.ActorOf(AgentStatsActor.PropsFor(agentId, stats, _clock), "stats");

        Recover<SnapshotOffer>(o => { if (o.Snapshot is AgentState s) _state = s; });
        Recover<IAgentEvent>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ =>
        {
            _stats?.Tell(new AgentStatsInput(_state, _clock.GetUtcNow()));
            if (_state is not { LoggedIn: true, Interface: { } iface }) return;
            // Logged in before a restart or a move to another node: make sure the router can still find us, and ask
            // the PBX whether it still has us (it may have logged us out while we were down).
            AgentInterfaces.Set(Context, iface, _state.AgentId);
            Self.Tell(CheckWithPbx.Instance);
        });

        // Recorded directly, without the PBX (tests, a replayed recording that refuses every action).
        Command<LoginAgent>(c =>
        {
            if (_state.LoggedIn && _state.PhoneNumber != c.PhoneNumber)
            {
                Sender.Tell(new AgentCommandResult(c.AgentId, false, "LoggedInOnAnotherPhone", _state.PhoneNumber));
                return;
            }
            PersistAndPublish([new AgentLoggedIn(c.AgentId, c.PhoneNumber, c.Interface, DateTimeOffset.UtcNow)], Sender);
        });
        Command<LogoutAgent>(c => PersistIfLoggedIn(new AgentLoggedOut(c.AgentId, DateTimeOffset.UtcNow)));
        Command<PauseAgent>(c => PersistIfLoggedIn(new AgentPaused(c.AgentId, c.Reason, DateTimeOffset.UtcNow)));
        Command<UnpauseAgent>(c => PersistIfLoggedIn(new AgentUnpaused(c.AgentId, DateTimeOffset.UtcNow)));

        Command<AgentLoginRequest>(r => Run(r, Sender));
        Command<AgentLogoutRequest>(r => Run(r, Sender));
        Command<AgentPauseRequest>(r => Run(r, Sender));
        Command<AgentMonitorRequest>(r => Run(r, Sender));
        Command<AgentListenRequest>(r => Run(r, Sender));
        Command<RequestDone>(OnRequestDone);

        Command<AgentAmiEvent>(m => OnPbxEvent(m.Event));
        Command<ReconcileAgent>(r => FollowPbx(AgentDerivation.Reconcile(_state, r.QueuesListed, DateTimeOffset.UtcNow), "after the AMI resync"));
        Command<CheckWithPbx>(_ => CheckQueueStatus());
        Command<QueueStatusRead>(OnQueueStatus);
        Command<WrapUpEnded>(_ =>
        {
            var next = _state.EndWrapUp(DateTimeOffset.UtcNow);
            if (ReferenceEquals(next, _state)) return;
            _state = next;
            Publish();
        });
        Command<ConfigureAgent>(c =>
        {
            if (c.Config == _config) return;
            _config = c.Config;
            Publish();
        });
        Command<GetAgentState>(_ => Sender.Tell(Current));
        Command<GetAgentStats>(q => _stats?.Forward(q));
        // The interface registry's answer; a write that timed out is in this node's replica and spreads by gossip.
        Command<IUpdateResponse>(r => (r.Request as AnswerWhenWritten)?.Send());
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    private void OnPbxEvent(AmiEventData e)
    {
        if (e.Name is "ChanSpyStart" or "ChanSpyStop")
        {
            OnSpying(e);
            return;
        }
        if (e.Name is "QueueMemberAdded" or "QueueMemberRemoved")
        {
            // A login's own member events wait for its outcome (a refused one is undone: its echoes are not news).
            if (_busyWith is AgentLoginRequest)
            {
                _held.Add(e);
                return;
            }
            if (_echoes.Remove(EchoKey(e.Name, e["Queue"], e["Interface"]))) return;
        }
        var now = DateTimeOffset.UtcNow;
        var facts = AgentDerivation.FactsOf(_state, e, QueueIdOf, PhoneOf, now, MemberName);
        if (facts.Count > 0)
        {
            PersistAndPublish(facts, ActorRefs.Nobody);
            return;
        }
        var wrapUp = e.Name == "AgentComplete" && e["Queue"] is { } q ? _directory?.Queue(q)?.WrapUpSeconds ?? 0 : 0;
        var next = _state.Apply(e, now, wrapUp, IsLine);
        if (ReferenceEquals(next, _state)) return;
        var wasWrappingUp = _state.CallStatus == AgentStatus.Wrapup;
        _state = next;
        if (_state.CallStatus == AgentStatus.Wrapup && !wasWrappingUp) Timers.StartSingleTimer(WrapUpTimer, WrapUpEnded.Instance, TimeSpan.FromSeconds(wrapUp));
        else if (_state.CallStatus != AgentStatus.Wrapup) Timers.Cancel(WrapUpTimer);
        Publish();
    }

    /// <summary>
    /// ChanSpyStart / ChanSpyStop on a channel of his line: AgentListen to his sessions, and to the listener's when the
    /// spyer is the line of a listen we originated (docs/cti-websocket.md, "Listen").
    /// </summary>
    private void OnSpying(AmiEventData e)
    {
        if (!_state.LoggedIn || _state.PhoneNumber is not { } phone) return;
        var listen = new AgentListenChanged(int.Parse(_state.AgentId, System.Globalization.CultureInfo.InvariantCulture), phone, e.Name == "ChanSpyStart");
        _mediator.Tell(new Publish(Topics.Agent(_state.AgentId), listen));
        if (Ami.DeviceName.FromChannel(e["SpyerChannel"]) is { } spyer && _listeners.TryGetValue(spyer, out var login))
            _mediator.Tell(new Publish(Topics.User(login), listen));
    }

    private string? MemberName => _config is null ? null : AgentRequests.MemberName(_config);

    private bool IsLine(string number) => number.Length > 0 && _directory?.LineByNumber(number) is not null;

    private int QueueIdOf(string queue) => _directory?.Queue(queue)?.Id ?? 0;

    private string? PhoneOf(string device) => _directory?.Line(device)?.Number;

    // ---- recording ----

    private void PersistIfLoggedIn(IAgentEvent e)
    {
        if (!_state.LoggedIn)
        {
            Sender.Tell(new AgentCommandResult(e.AgentId, false, "AgentNotLoggedIn"));
            return;
        }
        PersistAndPublish([e], Sender);
    }

    /// <summary>Records the facts, then publishes the new state once; <paramref name="replyTo"/> hears the last one's result.</summary>
    private void PersistAndPublish(IReadOnlyList<IAgentEvent> facts, IActorRef replyTo)
    {
        var left = facts.Count;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        PersistAll(facts, persisted =>
        {
            if (left == facts.Count) Metrics.XucMetrics.Of(Context.System)?.JournalWrite.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            var previousInterface = _state.Interface;
            _state = _state.Apply(persisted);
            var last = --left == 0;
            var answer = new AnswerWhenWritten(last ? replyTo : ActorRefs.Nobody, new AgentCommandResult(persisted.AgentId, true, null, _state.PhoneNumber));
            // A login or logout is answered once the interface registry has it on a majority of nodes, so the AMI
            // router finds the agent wherever it runs by the time the agent hears "logged in".
            if (persisted is AgentLoggedIn login)
            {
                if (previousInterface is not null && previousInterface != login.Interface)
                    AgentInterfaces.Remove(Context, previousInterface, login.AgentId);
                AgentInterfaces.Set(Context, login.Interface, login.AgentId, answer);
            }
            else if (persisted is AgentLoggedOut && previousInterface is not null)
            {
                Timers.Cancel(WrapUpTimer);
                AgentInterfaces.Remove(Context, previousInterface, persisted.AgentId, answer);
            }
            else
                answer.Send();
            if (persisted is AgentLoggedIn or AgentLoggedOut)
                _mediator.Tell(new Publish(Topics.AgentLogins, persisted));
            if (last) Publish();
            if (LastSequenceNr % SnapshotEvery == 0) SaveSnapshot(_state);
        });
    }

    /// <summary>The persisted facts and the live call status, with the configuration attached.</summary>
    private AgentState Current => _state with { Config = _config };

    /// <summary>To the agent's own sessions, the supervisors of his group, and Admin sessions.</summary>
    private void Publish(bool again = false)
    {
        _stats?.Tell(new AgentStatsInput(_state, _clock.GetUtcNow()));
        if (_busy)
        {
            _unpublished = true;
            return;
        }
        _unpublished = false;
        // A change undone before anyone heard of it (a refused login's queues added, then removed) is not news.
        var view = (_state.Status, _state.PhoneNumber, _state.PauseReason, string.Join(",", _state.Memberships.Select(m => m.QueueId)), _config, _state.OwnCall?.UniqueId, _state.MonitorPaused);
        if (!again && view == _published) return;
        _published = view;
        var changed = new AgentStateChanged(Current);
        _mediator.Tell(new Publish(Topics.Agent(_state.AgentId), changed));
        _mediator.Tell(new Publish(Topics.AllAgents, changed));
    }

    public static Props PropsFor(string agentId, EntityConfigDirectory? directory = null, AgentStatsSettings? stats = null, TimeProvider? clock = null) =>
        Props.Create(() => new AgentActor(agentId, directory, stats, clock));

    private sealed record RequestDone(object Request, AgentRequestOutcome Outcome, IActorRef ReplyTo);
    private sealed record QueueStatusRead(PbxResult Result);

    private sealed record WrapUpEnded
    {
        public static readonly WrapUpEnded Instance = new();
    }

    private sealed record CheckWithPbx
    {
        public static readonly CheckWithPbx Instance = new();
    }
}

/// <summary>A command's answer held until the interface registry has been written.</summary>
internal sealed record AnswerWhenWritten(IActorRef ReplyTo, AgentCommandResult Result)
{
    public void Send() => ReplyTo.Tell(Result);
}
