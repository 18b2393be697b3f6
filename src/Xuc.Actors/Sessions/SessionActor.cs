using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Akka.Hosting;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions.Agents;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.Membership;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Phone;
using Xuc.Actors.Sessions.Queues;
using Xuc.Actors.Sessions.UserServices;

namespace Xuc.Actors.Sessions;

/// <summary>
/// One CTI WebSocket session (one socket), node-local. Sets itself up (user, line state) and pushes the connect
/// sequence, answers pings and commands, closes an idle peer, a peer that stops reading (its outbox full) and the
/// session of a user deleted or whose password changed. Everything goes out through an <see cref="ISessionSink"/>.
/// </summary>
/// <remarks>
/// A node holds thousands of idle sessions, so one weighs little (<c>./build.sh bench sessions</c>): messages are
/// matched in one <c>switch</c> (a <see cref="ReceiveActor"/> keeps a delegate per handler and behaviour, ~2 KiB a
/// session), what comes before the set-up waits in a plain list (no stash, no deque mailbox), and the two timeouts are
/// one-off scheduled messages (no timer scheduler), each checked when it comes.
/// </remarks>
public sealed class SessionActor : UntypedActor
{

    private readonly string _login;
    private readonly ISessionSink _sink;
    private readonly SessionSettings _settings;
    private readonly ISessionDirectory _directory;
    private readonly IActorRef _lines;
    private readonly IActorRef _mediator;
    private readonly IActorRef? _phoneFeeds;
    private readonly PhoneControl? _phone;
    private readonly IUserServiceDesk? _desk;
    private SessionUser _user = null!;
    private SessionAgents? _agents;
    private SessionMembership _membership = null!;
    private SessionContext _context = null!;
    private IActorRef? _agentRegion;
    private string _status;
    private bool _closed;
    private bool _ready;
    /// <summary>What arrived before the set-up was done, handled right after it.</summary>
    private List<object>? _early;
    private DateTimeOffset _lastHeard;

    public SessionActor(string login, ISessionSink sink, SessionSettings settings, ISessionDirectory directory, IActorRef lines, IActorRef mediator, string? status,
        IActorRef? phoneFeeds = null, PhoneControl? phone = null, IUserServiceDesk? desk = null)
    {
        _phoneFeeds = phoneFeeds;
        _phone = phone;
        _desk = desk;
        _login = login;
        _sink = sink;
        _settings = settings;
        _directory = directory;
        _lines = lines;
        _mediator = mediator;
        _status = status ?? "available";
    }

    public static Props PropsFor(string login, ISessionSink sink, SessionSettings settings, ISessionDirectory directory, IActorRef lines, IActorRef mediator, string? status = null,
        IActorRef? phoneFeeds = null, PhoneControl? phone = null, IUserServiceDesk? desk = null)
        => Props.Create(() => new SessionActor(login, sink, settings, directory, lines, mediator, status, phoneFeeds, phone, desk));

    protected override void PreStart()
    {
        _agentRegion = ActorRegistry.For(Context.System).TryGet<AgentRegion>(out var agents) ? agents : null;
        After(_settings.LoggedOnTimeout, LoggedOnTimedOut.Instance);
        SetUpAsync().PipeTo(Self, failure: e => new SetUpFailed(e.GetBaseException().Message));
    }

    protected override void PostStop() => _sink.Close("session ended");

    private async Task<object> SetUpAsync()
    {
        var user = await _directory.FindAsync(_login);
        if (user is null) return new SetUpFailed($"no user '{_login}'");
        // The logged-on timer, not this ask, says when set-up took too long.
        var voiceMail = _desk?.VoiceMailAsync(user) ?? Task.FromResult(Mailboxes.Status(user, 0, 0));
        var deviceState = user.Line is { } line
            ? (await _lines.Ask<LineSnapshot>(new GetLineState(line.Interface), _settings.LoggedOnTimeout * 2)).DeviceState
            : null;
        return new SetUpDone(user, deviceState, await OwnAgentStateAsync(user), await voiceMail);
    }

    /// <summary>The user's own agent's state, the connect sequence's last frame (PROTOCOL.md §2); null for a user who is not an agent.</summary>
    private async Task<AgentState?> OwnAgentStateAsync(SessionUser user)
    {
        if (user.User.AgentId is not { } id || _agentRegion is not { } agents) return null;
        var agentId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return await agents.Ask<AgentState>(new GetAgentState(agentId), _settings.LoggedOnTimeout * 2);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return AgentState.Empty(agentId);
        }
    }

    protected override void OnReceive(object message)
    {
        if (message is CloseSessionNow kick) CloseSession(kick.Reason);
        else if (_ready) Ready(message);
        else SettingUp(message);
    }

    private void SettingUp(object message)
    {
        switch (message)
        {
            case SetUpDone done:
                SetUp(done);
                break;
            case SetUpFailed f:
                FailSetUp(LoggedOnError.Failed, f.Reason);
                break;
            case LoggedOnTimedOut:
                FailSetUp(LoggedOnError.Timeout, $"not set up within {_settings.LoggedOnTimeout.TotalSeconds:0.###} s");
                break;
            case PeerClosed:
                Context.Stop(Self);
                break;
            default:
                // What arrives before the connect sequence waits for it, within the outbox's bound.
                if ((_early ??= []).Count < _settings.OutboxCapacity)
                {
                    _early.Add(message);
                    break;
                }
                _closed = true;
                Context.GetLogger().Warning("CTI session of {0} closed: more than {1} frames (xuc.cti.outbox) before its set-up was done", _login, _settings.OutboxCapacity);
                _sink.Abort("too many frames before set-up");
                Context.Stop(Self);
                break;
        }
    }

    private void SetUp(SetUpDone done)
    {
        Heard();
        After(_settings.IdleTimeout, IdleTimedOut.Instance);
        _user = done.User;
        _membership = new SessionMembership(_user, _mediator, Self, Push);
        _context = new SessionContext(() => _user, Self, Context.System, _mediator, _sink, Push);
        foreach (var message in ConnectSequence(done)) Push(message);
        if (_closed) return;
        _mediator.Tell(new Subscribe(Topics.User(_login), Self));
        _mediator.Tell(new Subscribe(Topics.Config, Self));
        if (Mailboxes.Of(_user) is { } mailbox) _mediator.Tell(new Subscribe(Topics.Mailbox(mailbox), Self));
        if (_agentRegion is { } agents)
            (_agents = new SessionAgents(_user, agents, _mediator, Self, Push, () => Context.System.Scheduler.Now)).Start(done.AgentState);
        if (_user.Line is { } line) _phoneFeeds?.Tell(new JoinLineFeed(line.Interface, Self, done.DeviceState, _sink));
        if (_user.Line is { } phone && ActorRegistry.For(Context.System).TryGet<Conferences.ConferenceFeedActor>(out var conferences))
            conferences.Tell(new Conferences.JoinConferenceFeed(Self, _sink, phone.Interface, WatchList: false));
        _ready = true;
        if (_early is not { } early) return;
        _early = null;
        foreach (var message in early)
        {
            if (_closed) return;
            Ready(message);
        }
    }

    private void Ready(object message)
    {
        switch (message)
        {
            case ClientPing:
                Heard();
                Push(Pong.Instance);
                break;
            case ClientCommand c:
                Heard();
                Handle(c);
                break;
            // A phone command refused (by its arguments, the line's state or the PBX), from the PhoneCommandActor.
            case CtiError e:
                Push(e);
                break;
            case ClientFrameRejected r:
                Heard();
                Push(new CtiError(r.Code, r.Message));
                break;
            case UserStatusChanged s:
                _status = s.Status;
                Context.Parent.Tell(s);
                Push(new UserStatusUpdate(s.Status));
                break;
            case FeedFrame f:
                Push(f.Message);
                break;
            case FeedOutboxFull:
                OutboxFull();
                break;
            case UserServicesChanged s:
                _user = _user.With(s.Services);
                Push(PhoneServiceCommands.ConfigUpdateOf(_user));
                break;
            case MailboxChanged m:
                Push(Mailboxes.Status(_user, m.NewMessages, m.OldMessages, m.Waiting));
                break;
            case ServicesDone d:
                d.Errors.ForEach(Push);
                break;
            case ConfigChanged change:
                OnConfigChanged(change);
                break;
            case CommandReply r:
                Push(r.Message);
                break;
            case UserRechecked recheck:
                OnUserRechecked(recheck);
                break;
            case AgentStateChanged m:
                _agents?.OnStateChanged(m);
                break;
            case OwnAgentReread m:
                _agents?.OnReread(m);
                break;
            case AgentRequestOutcome m:
                _agents?.OnOutcome(m);
                break;
            case MembershipReply m:
                _membership.OnReply(m);
                break;
            case QueueMembersChanged m:
                _membership.OnChanged(m);
                break;
            case AgentListenChanged m:
                _agents?.OnListen(m);
                break;
            case IdleTimedOut:
                var quiet = Context.System.Scheduler.Now - _lastHeard;
                if (quiet >= _settings.IdleTimeout)
                    CloseSession($"nothing received for {_settings.IdleTimeout.TotalSeconds:0.###} s (idle timeout)");
                else
                    After(_settings.IdleTimeout - quiet, IdleTimedOut.Instance);
                break;
            case SubscribeAck:
            case LoggedOnTimedOut:
            case SetUpFailed:
                break;
            case PeerClosed:
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private IEnumerable<ICtiMessage> ConnectSequence(SetUpDone done)
    {
        var (user, profile, line, statuses) = done.User;
        yield return new LoggedOn(user.Login, user.Id, line?.Number ?? "");
        yield return new RightProfileMessage(profile.ToString());
        yield return new UsersStatuses(statuses.Select(s => new UserStatusEntry(s.Name, s.Color, s.LongName,
            s.Actions.Select(a => new UserStatusAction(a, "")).ToList())).ToList());
        yield return new UserStatusUpdate(_status);
        yield return PhoneServiceCommands.ConfigUpdateOf(done.User);
        if (line is not null)
        {
            yield return new LineConfigMessage(line.Id, line.Number, line.Interface, line.Context);
            yield return new PhoneStatusUpdate(PhoneStatus.Of(done.DeviceState));
        }
        yield return done.VoiceMail;
    }

    private void Handle(ClientCommand c)
    {
        if ((c.Decoded ?? CtiCommandRegistry.Find(c.Command)?.Decode(c.Frame)) is { } decoded)
        {
            Handle(decoded);
            return;
        }
        if (CommandCatalog.Find(c.Command) is not { } spec)
        {
            Push(new CtiError(CtiErrors.UnknownCommand, $"unknown command '{Truncated(c.Command)}'"));
            return;
        }
        if (!spec.Allowed.Contains(_user.Profile))
        {
            Push(new CtiError(CtiErrors.NotAuthorized, $"{spec.Name} is not allowed to the {_user.Profile} profile"));
            return;
        }
        if (spec.CheckArguments(c.Frame) is { } wrong)
        {
            Push(new CtiError(CtiErrors.InvalidArgument, wrong));
            return;
        }
        switch (spec.Name)
        {
            case CommandCatalog.UserStatusUpdate:
                ChangeStatus((string)c.Frame["status"]!);
                break;
            case var feed when PhoneFeedCommands.Handles(feed):
                PhoneFeedCommands.Handle(feed, c.Frame, _user, Self, _phoneFeeds, Push);
                break;
            case var phone when PhoneCommands.Handles(phone):
                (Context.Child("phone") is var child && !child.IsNobody() ? child : Context.ActorOf(PhoneCommandActor.PropsFor(_user, _lines, _phone), "phone")).Tell(c, Self);
                break;
            case var agentCommand when SessionAgents.Commands.Contains(agentCommand):
                if (_agents is null) Push(new CtiError(CtiErrors.NotImplemented, $"{spec.Name}: no agents on this node"));
                else _agents.Handle(agentCommand, c.Frame);
                break;
            case AgentStatsCommands.SubscribeToAgentStats:
                AgentStatsCommands.Handle(_user, Self, Context, Push);
                break;
            case var membership when MembershipCommands.Handles(membership, c.Frame):
                _membership.Handle(membership, c.Frame, Context.System);
                break;
            case var queue when QueueCommands.Handles(queue):
                QueueCommands.Handle(queue, c.Frame, _user, Self, _sink, Context, Push);
                break;
            case Lists.ListCommands.GetList when (string?)c.Frame["objectType"] == "meetme":
                Handle(CtiCommandRegistry.Find(Conferences.ConferencesFeature.GetRooms)!.Decode(c.Frame));
                break;
            case var list when Lists.ListCommands.Handles(list):
                Lists.ListCommands.Handle(list, c.Frame, _user, Self, Context, Push);
                break;
            case var agentFeed when AgentFeedCommands.Handles(agentFeed):
                AgentFeedCommands.Handle(agentFeed, _user, Self, Context, Push);
                break;
            case var _ when _desk is not null && PhoneServiceCommands.Parse(spec.Name, c.Frame) is { } setting:
                ServicesDone.Of(_desk.SetAsync(_user, setting), spec.Name).PipeTo(Self);
                break;
            default:
                Push(new CtiError(CtiErrors.NotImplemented, $"{spec.Name} is not implemented yet"));
                break;
        }
    }

    /// <summary>A command of the pipeline (<see cref="CtiCommandRegistry"/>): rights, then its arguments, then its handler.</summary>
    private void Handle(DecodedCommand decoded)
    {
        var definition = decoded.Definition;
        if (!definition.Allowed.Contains(_user.Profile))
            Push(new CtiError(CtiErrors.NotAuthorized, $"{definition.Name} is not allowed to the {_user.Profile} profile"));
        else if (decoded.Command is not { } command)
            Push(new CtiError(CtiErrors.InvalidArgument, decoded.Error!));
        else
            definition.Handle(command, _context);
    }

    private void ChangeStatus(string status)
    {
        if (_user.Statuses.All(s => s.Name != status))
        {
            Push(new CtiError(CtiErrors.UnknownStatus, $"no status '{Truncated(status)}'; the configured ones are {string.Join(", ", _user.Statuses.Select(s => s.Name))}"));
            return;
        }
        _mediator.Tell(new Publish(Topics.User(_login), new UserStatusChanged(_login, status)));
        if (_desk is not null && _user.Statuses.First(s => s.Name == status) is { Actions.Count: > 0 } withActions)
            ServicesDone.Of(_desk.ApplyStatusActionsAsync(_user, withActions), CommandCatalog.UserStatusUpdate).PipeTo(Self);
    }

    private void OnConfigChanged(ConfigChanged change)
    {
        var mine = change.Kind == ConfigKinds.User.Name && change.Id == _user.User.Id.ToString();
        var myProfile = change.Kind == ConfigKinds.RightProfile.Name && change.Id == _user.User.RightProfileId?.ToString();
        if (mine || myProfile || change.Operation == nameof(ChangeOp.Reloaded))
            _directory.FindAsync(_login).PipeTo(Self, success: u => new UserRechecked(u), failure: _ => new UserRechecked(_user));
    }

    private void OnUserRechecked(UserRechecked recheck)
    {
        if (recheck.User is null || recheck.User.User.Id != _user.User.Id)
            CloseSession("the user was deleted");
        else if (recheck.User.User.PasswordHash != _user.User.PasswordHash)
            CloseSession("the user's password changed");
        else if (recheck.User.User.TokenVersion != _user.User.TokenVersion)
            CloseSession("the user's tokens were revoked (logout-all)");
        else if (Rights.Visibility.Of(recheck.User) is var now && !SameRights(now, Rights.Visibility.Of(_user)))
            CloseSession("the user's rights changed"); // what it was sent was filtered by the old rights: the client reconnects
    }

    private static bool SameRights(Rights.Visibility a, Rights.Visibility b) =>
        a.Profile == b.Profile && a.OwnAgent == b.OwnAgent && a.Queues.SetEquals(b.Queues) && a.Groups.SetEquals(b.Groups);

    /// <remarks>
    /// One idle timeout per session, scheduled again when it comes for what is left since the peer was last heard.
    /// Restarting it on every frame would leave each cancelled timer in the scheduler's wheel until its deadline: with
    /// a ping every 5 s and a 60 s timeout, a dozen per idle session.
    /// </remarks>
    /// <summary>
    /// <paramref name="timeout"/> to this session after <paramref name="delay"/>, never cancelled: it is checked when it
    /// comes, and one that finds the session stopped is a dead letter that is not logged (both are
    /// <see cref="IDeadLetterSuppression"/>). A timer scheduler per session (IWithTimers) weighs ~0.3 KiB more.
    /// </summary>
    private void After(TimeSpan delay, IDeadLetterSuppression timeout)
    {
#pragma warning disable AK1004 // deliberate: see the summary
        Context.System.Scheduler.ScheduleTellOnce(delay, Self, timeout, Self);
#pragma warning restore AK1004
    }

    private void Heard() => _lastHeard = Context.System.Scheduler.Now;

    private void Push(ICtiMessage message)
    {
        if (_closed) return;
        if (!_sink.TryPush(message)) OutboxFull();
    }

    private void OutboxFull()
    {
        if (_closed) return;
        _closed = true;
        Context.GetLogger().Warning("CTI session of {0} closed: its outbox is full ({1} messages, xuc.cti.outbox), the peer stopped reading", _login, _settings.OutboxCapacity);
        _sink.Abort("outbox full: the peer stopped reading");
        Context.Stop(Self);
    }

    private void FailSetUp(string error, string reason)
    {
        Context.GetLogger().Warning("CTI session of {0} not set up ({1}): {2}", _login, error, reason);
        Push(new LoggedOnError(error));
        CloseSession(error);
    }

    private void CloseSession(string reason)
    {
        if (!_closed)
        {
            Context.GetLogger().Info("CTI session of {0} closed: {1}", _login, reason);
            _closed = true;
            _sink.Close(reason);
        }
        Context.Stop(Self);
    }

    private static string Truncated(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private sealed record SetUpDone(SessionUser User, string? DeviceState, AgentState? AgentState, VoiceMailStatusUpdate VoiceMail);
    private sealed record SetUpFailed(string Reason);
    private sealed record UserRechecked(SessionUser? User);

    /// <remarks>Comes whether or not the set-up is done meanwhile; one that finds the session stopped is no dead letter worth a log line.</remarks>
    private sealed record LoggedOnTimedOut : IDeadLetterSuppression
    {
        public static readonly LoggedOnTimedOut Instance = new();
    }

    private sealed record IdleTimedOut : IDeadLetterSuppression
    {
        public static readonly IdleTimedOut Instance = new();
    }
}
