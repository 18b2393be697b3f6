using Akka.Actor;
using Akka.Hosting;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Pbx;
using Xuc.Actors.Routing;

namespace Xuc.Actors.Entities.Agent;

/// <summary>The CTI requests (login, logout, pause, recording, listen), one at a time, and what their outcomes record.</summary>
public sealed partial class AgentActor
{
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
            AgentListenRequest l => l.By,
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
            AgentListenRequest l => requests.Listen(state, config, l),
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
            _state = _state.MonitorMuted(monitor.Pause);
            _unpublished = true;
        }
        // The listener's sessions hear of the spying this listen starts (the spyer is his line's channel).
        if (done.Outcome.Ok && done.Request is AgentListenRequest listen) _listeners[listen.ListenerInterface] = listen.By.Login;
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
}
