using Akka.Actor;
using Xuc.Actors.Sessions.Phone;
using Xuc.Actors.Sessions.UserServices;

namespace Xuc.Actors.Sessions;

/// <summary>Starts a session for a socket; answered with the session's <see cref="IActorRef"/>.</summary>
public sealed record StartSession(string Login, ISessionSink Sink);

/// <summary>How many sessions this node holds; answered with an <see cref="int"/>.</summary>
public sealed record CountSessions
{
    public static readonly CountSessions Instance = new();
}

/// <summary>
/// The per-node parent of the CTI sessions (not sharded: a session lives where its socket is). Remembers each
/// user's last status seen on this node, so a user's new session starts with it.
/// </summary>
public sealed class SessionManagerActor : ReceiveActor
{
    private readonly Dictionary<string, string> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, SessionEntry> _open = [];
    private long _next;

    public SessionManagerActor(SessionSettings settings, ISessionDirectory directory, IActorRef lines, IActorRef mediator, IActorRef? phoneFeeds = null,
        PhoneControl? phone = null, IUserServiceDesk? desk = null)
    {
        Receive<StartSession>(s =>
        {
            var props = SessionActor.PropsFor(s.Login, s.Sink, settings, directory, lines, mediator, _statuses.GetValueOrDefault(s.Login), phoneFeeds, phone, desk);
            var session = Context.ActorOf(props, $"session-{++_next}");
            _open[Context.Watch(session)] = new SessionEntry(s.Login, session.Path.Name, DateTimeOffset.UtcNow);
            Sender.Tell(session);
        });
        Receive<Terminated>(t => _open.Remove(t.ActorRef));
        var node = ((ExtendedActorSystem)Context.System).Provider.DefaultAddress.ToString();
        Receive<ListSessions>(q => Sender.Tell(new SessionList(node, [.. _open.Values.Where(e => q.Login is null || e.Login == q.Login).OrderBy(e => e.Login).ThenBy(e => e.Since)])));
        Receive<KickSessions>(k =>
        {
            var theirs = _open.Where(e => e.Value.Login == k.Login).Select(e => e.Key).ToList();
            foreach (var session in theirs) session.Tell(new CloseSessionNow(k.Reason));
            Sender.Tell(new SessionsKicked(node, theirs.Count));
        });
        Receive<UserStatusChanged>(s => _statuses[s.Login] = s.Status);
        Receive<CountSessions>(_ => Sender.Tell(Context.GetChildren().Count()));
    }

    /// <summary>A session that fails is stopped (its socket closed), never restarted with a half-sent connect sequence.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    public static Props PropsFor(SessionSettings settings, ISessionDirectory directory, IActorRef lines, IActorRef mediator, IActorRef? phoneFeeds = null,
        PhoneControl? phone = null, IUserServiceDesk? desk = null)
        => Props.Create(() => new SessionManagerActor(settings, directory, lines, mediator, phoneFeeds, phone, desk));
}
