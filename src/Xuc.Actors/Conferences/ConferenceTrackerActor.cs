using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Conferences;

/// <summary>
/// The cluster's one picture of the ConfBridge rooms: a child of the AMI singleton (<c>conferences</c>), fed every
/// AMI event; each change is published on <see cref="ConferenceChange.Topic"/> with all rooms; a
/// <see cref="GetConferenceRooms"/> is answered with a Snapshot. A new AMI link replays ConfbridgeListRooms and each
/// room's ConfbridgeList (docs/cti-websocket.md, "Conference rooms").
/// </summary>
public sealed class ConferenceTrackerActor : ReceiveActor
{
    private ConferenceRooms _rooms = ConferenceRooms.Empty;
    private long _version;

    public ConferenceTrackerActor()
    {
        var mediator = DistributedPubSub.Get(Context.System).Mediator;
        Receive<AmiEventData>(e =>
        {
            if (!e.Name.StartsWith("Confbridge", StringComparison.Ordinal)) return;
            if (_rooms.Apply(e, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) is not { } applied) return;
            _rooms = applied.Rooms;
            mediator.Tell(new Publish(ConferenceChange.Topic, Change(applied.Kind, applied.Room, applied.Member)));
        });
        Receive<GetConferenceRooms>(_ => Sender.Tell(Change(ConferenceChange.Snapshot, "", null)));
    }

    private ConferenceChange Change(string kind, string room, ConferenceMember? member) => new(kind, room, member, _rooms.Rooms.Values.ToList(), NextVersion());

    /// <summary>Grows across a move of the singleton too (a node's feed keeps the newest picture).</summary>
    private long NextVersion() => _version = Math.Max(_version + 1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000);

    public static Props PropsFor() => Props.Create(() => new ConferenceTrackerActor());
}
