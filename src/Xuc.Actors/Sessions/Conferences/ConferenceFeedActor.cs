using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Conferences;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Conferences;

/// <summary>A session joins its node's conference feed: with its line (for its room's events), and/or asking for the rooms' list.</summary>
public sealed record JoinConferenceFeed(IActorRef Session, ISessionSink Sink, string? PhoneInterface, bool WatchList);

/// <summary>Asks the node's feed for a room as it is now; answered with a <see cref="ConferenceRoomAnswer"/>.</summary>
public sealed record AskConferenceRoom(string Number);

public sealed record ConferenceRoomAnswer(ConferenceRoom? Room);

/// <summary>
/// The node's conference feed (<c>/user/conference-feed</c>): keeps the newest picture of the rooms the AMI
/// singleton's tracker publishes (<see cref="ConferenceChange"/>, asked once at start), sends <c>ConferenceList</c>
/// to the sessions that asked for it on every change, and <c>ConferenceEvent</c> / <c>ConferenceParticipantEvent</c>
/// to the sessions whose user's line is in the room. Answers the conference commands' questions about a room.
/// </summary>
public sealed class ConferenceFeedActor : ReceiveActor, IWithTimers
{
    private sealed record Member(ISessionSink Sink, string? PhoneInterface, bool WatchList);
    private sealed record AskAgain;

    private readonly Dictionary<IActorRef, Member> _members = [];
    private readonly IActorRef? _ami;
    private IReadOnlyList<ConferenceRoom> _rooms = [];
    private long _version = -1;

    public ITimerScheduler Timers { get; set; } = null!;

    public ConferenceFeedActor(IActorRef? ami)
    {
        _ami = ami;
        Receive<JoinConferenceFeed>(Join);
        Receive<Terminated>(t => _members.Remove(t.ActorRef));
        Receive<ConferenceChange>(OnChange);
        Receive<AskConferenceRoom>(a => Sender.Tell(new ConferenceRoomAnswer(_rooms.FirstOrDefault(r => r.Number == a.Number))));
        Receive<AskAgain>(_ => _ami?.Tell(GetConferenceRooms.Instance, Self));
        Receive<SubscribeAck>(_ => { });
    }

    protected override void PreStart()
    {
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(ConferenceChange.Topic, Self));
        if (_ami is null) return;
        _ami.Tell(GetConferenceRooms.Instance, Self);
        // Until the AMI singleton answers (it may be starting, or moving to another node).
        Timers.StartPeriodicTimer("snapshot", new AskAgain(), TimeSpan.FromSeconds(3));
    }

    private void Join(JoinConferenceFeed j)
    {
        var member = _members.TryGetValue(j.Session, out var known)
            ? known with { PhoneInterface = j.PhoneInterface ?? known.PhoneInterface, WatchList = known.WatchList || j.WatchList }
            : j.WatchList || j.PhoneInterface is not null ? new Member(j.Sink, j.PhoneInterface, j.WatchList) : null;
        if (member is null) return;
        if (known is null) Context.Watch(j.Session);
        _members[j.Session] = member;
        if (j.WatchList) FeedDelivery.To(j.Session, j.Sink, new FeedFrame(ConferenceListMessage.Of(_rooms)));
    }

    private void OnChange(ConferenceChange change)
    {
        if (change.Version <= _version) return;
        var first = _version < 0;
        _version = change.Version;
        _rooms = change.Rooms;
        Timers.Cancel("snapshot");
        if (change.Kind == ConferenceChange.Snapshot && !first) return;
        var list = new FeedFrame(ConferenceListMessage.Of(_rooms));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var (session, member) in _members)
        {
            if (member.WatchList) FeedDelivery.To(session, member.Sink, list);
            if (member.PhoneInterface is { } phone && RoomEvent(change, phone, now) is { } e) FeedDelivery.To(session, member.Sink, new FeedFrame(e));
        }
    }

    /// <summary>What a session whose line is <paramref name="phone"/> is told of the change, if anything.</summary>
    private static ICtiMessage? RoomEvent(ConferenceChange change, string phone, long now)
    {
        if (change.Member is not { } m) return null;
        var room = change.Rooms.FirstOrDefault(r => r.Number == change.Room);
        var isMe = m.IsOn(phone);
        if (isMe && change.Kind is ConferenceChange.Join or ConferenceChange.Leave)
        {
            var participants = change.Kind == ConferenceChange.Join && room is not null
                ? room.Members.Select(p => ConferenceParticipant.Of(p, p.IsOn(phone), now)).ToList()
                : [];
            return new ConferenceEventMessage(change.Kind, m.UniqueId, m.Number, change.Room, change.Room, Math.Max(0, (now - (room?.StartTime ?? now)) / 1000), participants);
        }
        if (!isMe && room?.MemberOn(phone) is null) return null;
        return ConferenceParticipantEventMessage.Of(change.Kind, change.Room, m, isMe, now);
    }

    public static Props PropsFor(IActorRef? ami) => Props.Create(() => new ConferenceFeedActor(ami));
}
