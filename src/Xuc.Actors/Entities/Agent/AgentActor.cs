using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.DistributedData;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using AgentConfig = Xuc.Actors.Configuration.Model.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Pbx;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;
using Xuc.Ami.Actions;

namespace Xuc.Actors.Entities.Agent;

/// <summary>
/// A sharded, event-sourced entity per agent. Login, queues and pause are recorded as the PBX reports them (member
/// events, QueueStatus) and survive restarts (Akka.Persistence.Sql); call progress comes from the AMI events the
/// router sends for the agent's interface. CTI requests (login, logout, pause) run one at a time: the PBX is asked,
/// its refusal is answered, and the state follows the PBX's events.
/// </summary>
public sealed class AgentActor : ReceivePersistentActor, IWithTimers
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

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    public AgentActor(string agentId, EntityConfigDirectory? directory)
    {
        PersistenceId = "agent-" + agentId;
        _state = AgentState.Empty(agentId);
        _directory = directory;
        _config = directory?.Agent(agentId);
        _mediator = DistributedPubSub.Get(Context.System).Mediator;

        Recover<SnapshotOffer>(o => { if (o.Snapshot is AgentState s) _state = s; });
        Recover<IAgentEvent>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ =>
        {
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
        // The interface registry's answer; a write that timed out is in this node's replica and spreads by gossip.
        Command<IUpdateResponse>(r => (r.Request as AnswerWhenWritten)?.Send());
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    private void OnPbxEvent(AmiEventData e)
    {
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

    private string? MemberName => _config is null ? null : AgentRequests.MemberName(_config);

    private bool IsLine(string number) => number.Length > 0 && _directory?.LineByNumber(number) is not null;

    private int QueueIdOf(string queue) => _directory?.Queue(queue)?.Id ?? 0;

    private string? PhoneOf(string device) => _directory?.Line(device)?.Number;

    // ---- CTI requests, one at a time ----

    private void Run(object request, IActorRef replyTo)
    {
        if (_busy)
        {
            _waiting.Enqueue((request, replyTo));
            return;
        }
        var by = request switch
        {
            AgentLoginRequest l => l.By,
            AgentLogoutRequest o => o.By,
            AgentPauseRequest p => p.By,
            AgentMonitorRequest m => m.By,
            _ => null,
        };
        if (_config is null || by is null)
        {
            replyTo.Tell(new AgentRequestOutcome(_state.AgentId, AgentErrors.UnknownAgent, $"no agent {_state.AgentId} in the configuration"));
            return;
        }
        if (!by.MayActOn(_config.GroupId))
        {
            replyTo.Tell(new AgentRequestOutcome(_state.AgentId, AgentErrors.NotAuthorized, $"agent {_state.AgentId} is not in a group of {by.Login}'s profile"));
            return;
        }
        if (Requests() is not { } requests)
        {
            replyTo.Tell(new AgentRequestOutcome(_state.AgentId, AgentErrors.PbxUnavailable, "no AMI connection on this node"));
            return;
        }
        _busy = true;
        _busyWith = request;
        var state = _state;
        var config = _config;
        Task<AgentRequestOutcome> work = request switch
        {
            AgentLoginRequest l => requests.Login(state, config, l),
            AgentLogoutRequest => requests.Logout(state),
            AgentPauseRequest p => requests.Pause(state, p),
            AgentMonitorRequest m => requests.Monitor(state, m),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        work.PipeTo(Self, success: o => new RequestDone(request, o, replyTo),
            failure: e => new RequestDone(request, new AgentRequestOutcome(state.AgentId, AgentErrors.PbxUnavailable, e.GetBaseException().Message), replyTo));
    }

    private AgentRequests? Requests()
    {
        var registry = ActorRegistry.For(Context.System);
        if (_directory is null || !registry.TryGet<AmiConnectionProxy>(out var proxy) || !registry.TryGet<AgentRegion>(out var agents)) return null;
        return new AgentRequests(Context.System, new PbxGateway(proxy), _directory, agents);
    }

    /// <summary>
    /// The PBX did what it was asked: record what its answers mean unless its events already did (the events may come
    /// after the answers; an agent without queues gets none), then publish once. A failed request leaves the recorded
    /// state as it was (a login that only some queues took was undone on the PBX; their events say so).
    /// </summary>
    private void OnRequestDone(RequestDone done)
    {
        var now = DateTimeOffset.UtcNow;
        var facts = done.Outcome.Ok ? FactsOf(done.Request, done.Outcome, now) : [];
        if (!done.Outcome.Ok && done.Request is AgentLoginRequest failed && !_state.LoggedIn && _directory?.LineByNumber(failed.PhoneNumber) is { } line)
            AgentInterfaces.Remove(Context, line.Interface, _state.AgentId);
        _busy = false;
        _busyWith = null;
        // The recording's state is the call's, not a recorded fact.
        if (done.Outcome.Ok && done.Request is AgentMonitorRequest monitor && _state.TalkingChannel is not null)
        {
            _state = _state with { MonitorPaused = monitor.Pause };
            _unpublished = true;
        }
        if (facts.Count > 0) PersistAndPublish(facts, ActorRefs.Nobody);
        else if (done.Outcome.Ok && done.Request is AgentLoginRequest) Publish(again: true); // "already there": his state again
        else if (_unpublished) Publish();
        ReplayHeld(done.Outcome);
        done.ReplyTo.Tell(done.Outcome);
        if (_waiting.TryDequeue(out var next)) Run(next.Request, next.ReplyTo);
    }

    private void ReplayHeld(AgentRequestOutcome outcome)
    {
        var expected = outcome.Undone
            .SelectMany(u => new[] { EchoKey("QueueMemberAdded", u.Queue, u.Interface), EchoKey("QueueMemberRemoved", u.Queue, u.Interface) })
            .ToHashSet();
        var held = _held.ToList();
        _held.Clear();
        foreach (var e in held)
            if (!expected.Remove(EchoKey(e.Name, e["Queue"], e["Interface"]))) Self.Tell(new AgentAmiEvent(_state.AgentId, e));
        _echoes.UnionWith(expected);
    }

    private static string EchoKey(string name, string? queue, string? member) => $"{name}|{queue}|{member}";

    private List<IAgentEvent> FactsOf(object request, AgentRequestOutcome outcome, DateTimeOffset now)
    {
        var id = _state.AgentId;
        var facts = new List<IAgentEvent>();
        switch (request)
        {
            case AgentLoginRequest l when _directory?.LineByNumber(l.PhoneNumber) is { } line:
                if (!_state.LoggedIn) facts.Add(new AgentLoggedIn(id, line.Number, line.Interface, now));
                facts.AddRange(outcome.Joined
                    .Where(j => !_state.LoggedIn || _state.Memberships.All(m => m.Queue != j.Queue || m.Interface != j.Interface))
                    .Select(j => new AgentQueueJoined(id, j.Queue, j.QueueId, j.Interface, now)));
                break;
            case AgentLogoutRequest when _state.LoggedIn:
                facts.AddRange(_state.Memberships.Select(m => new AgentQueueLeft(id, m.Queue, now)));
                facts.Add(new AgentLoggedOut(id, now));
                break;
            case AgentPauseRequest { Pause: true } p when _state.LoggedIn && (!_state.Paused || _state.PauseReason != (p.Reason ?? "")):
                facts.Add(new AgentPaused(id, p.Reason ?? "", now));
                break;
            case AgentPauseRequest { Pause: false } when _state.LoggedIn && _state.Paused:
                facts.Add(new AgentUnpaused(id, now));
                break;
        }
        return facts;
    }

    // ---- after a restart: the PBX wins ----

    private void CheckQueueStatus()
    {
        if (!_state.LoggedIn) return;
        if (!ActorRegistry.For(Context.System).TryGet<AmiConnectionProxy>(out var proxy)) return;
        new PbxGateway(proxy).SendList(new QueueStatusAction(), AgentRequests.ActionTimeout)
            .PipeTo(Self, success: r => new QueueStatusRead(r), failure: e => new QueueStatusRead(new PbxLinkDown("QueueStatus", e.Message)));
    }

    private void OnQueueStatus(QueueStatusRead read)
    {
        if (read.Result is not PbxAnswered answered)
        {
            if (++_checks < CheckAttempts) Timers.StartSingleTimer(CheckTimer, CheckWithPbx.Instance, CheckRetry);
            else _log.Warning("Agent {0}: could not check his queues with the PBX after a restart ({1})", _state.AgentId, read.Result);
            return;
        }
        var mine = answered.Items.Where(i => i.Name == "QueueMember" && IsMine(i)).ToList();
        var now = DateTimeOffset.UtcNow;
        var facts = new List<IAgentEvent>();
        var state = _state;
        foreach (var item in mine)
            foreach (var fact in AgentDerivation.FactsOf(state, item, QueueIdOf, PhoneOf, now, MemberName))
            {
                facts.Add(fact);
                state = state.Apply(fact);
            }
        facts.AddRange(AgentDerivation.Reconcile(state, mine.Select(i => i["Queue"]!).ToList(), now));
        FollowPbx(facts, "after a restart");
    }

    private bool IsMine(AmiEventData item) =>
        item["StateInterface"] == _state.Interface || item["Location"] == _state.Interface
        || _state.Memberships.Any(m => m.Interface == item["Location"] && m.Queue == item["Queue"]);

    private void FollowPbx(IReadOnlyList<IAgentEvent> facts, string when)
    {
        if (facts.Count == 0) return;
        _log.Info("Agent {0}: the PBX differs from what was recorded {1}; following the PBX: {2}", _state.AgentId, when,
            string.Join(", ", facts.Select(f => f.GetType().Name + (f is AgentQueueLeft q ? " " + q.Queue : f is AgentQueueJoined j ? " " + j.Queue : ""))));
        PersistAndPublish(facts, ActorRefs.Nobody);
    }

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
        PersistAll(facts, persisted =>
        {
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
        if (_config is not null) _mediator.Tell(new Publish(Topics.AgentGroup(_config.GroupId), changed));
        _mediator.Tell(new Publish(Topics.AllAgents, changed));
    }

    public static Props PropsFor(string agentId, EntityConfigDirectory? directory = null) =>
        Props.Create(() => new AgentActor(agentId, directory));

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
