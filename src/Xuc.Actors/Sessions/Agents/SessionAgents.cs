using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Agents;

/// <summary>
/// A session's agent side: its user's own agent's AgentStateEvents, unasked, also right after connect (the other agents a
/// profile may see come after <c>subscribeToAgentEvents</c>, from <see cref="AgentFeedsActor"/>) and the agent commands, checked against the
/// rights (PROTOCOL.md §3) before anything reaches the agent or the PBX. Owned by the <see cref="SessionActor"/>,
/// which hands it the commands and messages below.
/// </summary>
public sealed class SessionAgents(SessionUser user, IActorRef agents, IActorRef mediator, IActorRef session, Action<ICtiMessage> push, Func<DateTimeOffset> now)
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public const string Login = "agentLogin";
    public const string Logout = "agentLogout";
    public const string Pause = "pauseAgent";
    public const string Unpause = "unpauseAgent";
    public const string MonitorPause = "monitorPause";
    public const string MonitorUnpause = "monitorUnpause";
    public const string Listen = "listenAgent";
    public static readonly IReadOnlySet<string> Commands = new HashSet<string> { Login, Logout, Pause, Unpause, MonitorPause, MonitorUnpause, Listen };

    private readonly string? _ownAgent = user.User.AgentId?.ToString(CultureInfo.InvariantCulture);
    /// <summary>The instant of the newest state pushed per agent, so a snapshot read late never overwrites a newer change.</summary>
    private readonly Dictionary<string, DateTimeOffset> _pushed = new(StringComparer.Ordinal);
    private AgentState? _initial;

    /// <summary>
    /// Subscribes to his own agent's topic, pushes <paramref name="initial"/> (his own agent's state read during the
    /// session's set-up, so it is the connect sequence's last frame, in order) and reads it again once subscribed: a
    /// change between the two reads is not missed, and the same state is not pushed twice.
    /// </summary>
    public void Start(AgentState? initial = null)
    {
        _initial = initial;
        if (initial is not null) OnStateChanged(new AgentStateChanged(initial));
        if (_ownAgent is not null) mediator.Tell(new Subscribe(Topics.Agent(_ownAgent), session));
        if (_ownAgent is not null)
            agents.Ask<AgentState>(new GetAgentState(_ownAgent), RequestTimeout)
                .PipeTo(session, success: s => new OwnAgentReread(s), failure: _ => new OwnAgentReread(AgentState.Empty(_ownAgent)));
    }

    /// <summary>The read made once subscribed: pushed only if the state changed since the set-up's read.</summary>
    public void OnReread(OwnAgentReread reread)
    {
        if (_initial is { } initial && reread.State.Since == initial.Since) return;
        OnStateChanged(new AgentStateChanged(reread.State));
    }

    /// <summary>A state from a topic or the first read. One subscribed on two topics (own and group) shows it once.</summary>
    public void OnStateChanged(AgentStateChanged changed)
    {
        var s = changed.State;
        if (_pushed.TryGetValue(s.AgentId, out var last) && s.Since < last) return;
        _pushed[s.AgentId] = s.Since;
        push(AgentStateFrames.Of(s, now()));
    }

    /// <summary>agentLogin, agentLogout, pauseAgent, unpauseAgent, monitorPause, monitorUnpause, listenAgent (arguments checked by the catalog).</summary>
    public void Handle(string command, JObject frame)
    {
        var target = frame["agentid"] is { Type: not JTokenType.Null } id ? id.ToString() : _ownAgent;
        if (target is null)
        {
            push(new CtiError(CtiErrors.InvalidArgument, $"{command}: 'agentid' is missing and {user.User.Login} has no agent"));
            return;
        }
        if (!int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            // An agent entity's key is his id: anything else names nobody and would wait for an entity that never answers.
            push(new CtiError(CtiErrors.InvalidArgument, $"{command}: 'agentid' must be an agent's id (a whole number), not '{(target.Length > 40 ? target[..40] + "…" : target)}'"));
            return;
        }
        var own = target == _ownAgent;
        if (!own && user.Profile == ProfileKind.NoRight)
        {
            push(new CtiError(CtiErrors.NotAuthorized, $"{command}: agent {target} is not {user.User.Login}'s own agent"));
            return;
        }
        if (command == Listen && user.Line is null)
        {
            push(new CtiError(CtiErrors.NoLine, $"{command}: {user.User.Login} has no line to listen on"));
            return;
        }
        var by = new AgentRequester(user.User.Login, own || user.Profile == ProfileKind.Admin ? null : user.SupervisedGroups);
        object request = command switch
        {
            Login => new AgentLoginRequest(target, frame["agentphonenumber"]!.ToString(), by),
            Logout => new AgentLogoutRequest(target, by),
            Pause => new AgentPauseRequest(target, true, (string?)frame["reason"], by),
            MonitorPause => new AgentMonitorRequest(target, true, by),
            MonitorUnpause => new AgentMonitorRequest(target, false, by),
            Listen => new AgentListenRequest(target, user.Line!.Interface, by),
            _ => new AgentPauseRequest(target, false, null, by),
        };
        agents.Ask<AgentRequestOutcome>(request, RequestTimeout)
            .PipeTo(session, failure: e => new AgentRequestOutcome(target, AgentErrors.PbxUnavailable, $"agent {target} did not answer: {e.GetBaseException().Message}"));
    }

    /// <summary>Someone started or stopped listening to an agent this session hears of (its own, or one it listens to).</summary>
    public void OnListen(AgentListenChanged listen) => push(new AgentListen(listen.Started, listen.PhoneNumber, listen.AgentId));

    /// <summary>A request's outcome: nothing on success (the state events say it), else the error.</summary>
    public void OnOutcome(AgentRequestOutcome outcome)
    {
        if (outcome.Ok) return;
        push(outcome.Error == AgentErrors.NotAuthorized
            ? new CtiError(CtiErrors.NotAuthorized, outcome.Message ?? "")
            : new AgentError(outcome.Error!) { PhoneNb = outcome.PhoneNb, RequestedNb = outcome.RequestedNb, Message = outcome.Message });
    }
}

/// <summary>The session's own agent's state, read again once the session subscribed to his topic.</summary>
public sealed record OwnAgentReread(AgentState State);
