using Akka.Actor;
using Xuc.Actors.Conferences;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Phone;
using Xuc.Ami.Actions;

namespace Xuc.Actors.Sessions.Conferences;

/// <summary>
/// Runs the conference commands against the node's <see cref="ConferenceFeedActor"/> picture: a moderation is
/// allowed to the room's organiser (his line is in the room with role Organizer) and to an Admin, sent to the PBX as
/// ConfbridgeMute / ConfbridgeUnmute / ConfbridgeKick per participant, and answered by the events that come back;
/// a refusal is one <c>ConferenceCommandError</c>.
/// </summary>
public sealed class ConferencesHandler :
    ICtiCommandHandler<GetConferenceRoomsCommand>, ICtiCommandHandler<ModerateParticipant>, ICtiCommandHandler<ModerateRoom>, ICtiCommandHandler<ModerateSelf>
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public void Handle(GetConferenceRoomsCommand command, SessionContext session)
    {
        if (session.Actor<ConferenceFeedActor>() is not { } feed)
            session.Push(new CtiError(CtiErrors.NotImplemented, $"{ConferencesFeature.GetRooms}: no conference feed on this node"));
        else
            feed.Tell(new JoinConferenceFeed(session.Session, session.Sink, session.User.Line?.Interface, WatchList: true));
    }

    public void Handle(ModerateParticipant command, SessionContext session) =>
        Run(command.Command, command.Room, command.Action, session, (room, user) =>
            !MayModerate(room, user) ? NotOrganizer(command.Command, room)
            : room.Member(command.Index) is not { } target
                ? [new ConferenceCommandError(ConferenceCommandError.UnknownParticipant, $"{command.Command}: no participant {command.Index} in room {room.Number}")]
                : [target]);

    public void Handle(ModerateRoom command, SessionContext session) =>
        Run(command.Command, command.Room, command.Action, session, (room, user) =>
            !MayModerate(room, user) ? NotOrganizer(command.Command, room)
            : room.Members.Where(m => command.Action == ConferenceAction.Kick || !m.Organizer).ToList<object>());

    public void Handle(ModerateSelf command, SessionContext session) =>
        Run(command.Command, command.Room, command.Action, session, (room, user) =>
            user.Line is { } line && room.MemberOn(line.Interface) is { } me
                ? [me]
                : [new ConferenceCommandError(ConferenceCommandError.NotAMember, $"{command.Command}: your line is not in room {room.Number}")]);

    private static bool MayModerate(ConferenceRoom room, SessionUser user) =>
        user.Profile == ProfileKind.Admin || (user.Line is { } line && room.MemberOn(line.Interface) is { Organizer: true });

    private static List<object> NotOrganizer(string command, ConferenceRoom room) =>
        [new ConferenceCommandError(ConferenceCommandError.NotOrganizer, $"{command}: only the organiser of room {room.Number} or an Admin may do this")];

    /// <summary>
    /// Finds the room, asks <paramref name="decide"/> for the participants to act on (or a refusal) and sends the
    /// PBX one action each; the first refusal is answered, a success is not (its events are the answer).
    /// </summary>
    private static void Run(string command, string number, ConferenceAction action, SessionContext session, Func<ConferenceRoom, SessionUser, List<object>> decide)
    {
        var user = session.User;
        if (session.Actor<ConferenceFeedActor>() is not { } feed || session.Service<PhoneControl>() is not { } phone)
        {
            session.Push(new CtiError(CtiErrors.NotImplemented, $"{command}: no conferences on this node"));
            return;
        }
        _ = ReplyAsync(command, number, user, feed, phone, decide, action, session.Session);
    }

    private static async Task ReplyAsync(string command, string number, SessionUser user, IActorRef feed, PhoneControl phone,
        Func<ConferenceRoom, SessionUser, List<object>> decide, ConferenceAction action, IActorRef session)
    {
        ICtiMessage? answer;
        try
        {
            answer = await RunAsync(command, number, user, feed, phone, decide, action);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            answer = new CtiError(CtiErrors.ServiceFailed, $"{command}: {e.GetBaseException().Message}");
        }
        if (answer is not null) session.Tell(new CommandReply(answer), ActorRefs.NoSender);
    }

    /// <returns>The refusal, or null when the PBX took every action.</returns>
    private static async Task<ICtiMessage?> RunAsync(string command, string number, SessionUser user, IActorRef feed, PhoneControl phone,
        Func<ConferenceRoom, SessionUser, List<object>> decide, ConferenceAction action)
    {
        var answer = await feed.Ask<ConferenceRoomAnswer>(new AskConferenceRoom(number), AskTimeout);
        if (answer.Room is not { } room)
            return new ConferenceCommandError(ConferenceCommandError.UnknownRoom, $"{command}: no conference room '{(number.Length > 40 ? number[..40] + "…" : number)}' is running");
        var targets = decide(room, user);
        if (targets.OfType<ConferenceCommandError>().FirstOrDefault() is { } refused) return refused;
        foreach (var target in targets.Cast<ConferenceMember>())
            switch (await phone.Pbx.Send(ActionOf(action, room.Number, target.Channel), phone.ActionTimeout))
            {
                case PbxRefused r: return new ConferenceCommandError(ConferenceCommandError.PbxRefused, $"{command}: the PBX refused it for participant {target.Index}: {r.Reason}");
                case PbxTimedOut or PbxLinkDown: return new ConferenceCommandError(ConferenceCommandError.PbxRefused, $"{command}: the PBX did not answer");
            }
        return null;
    }

    private static AmiAction ActionOf(ConferenceAction action, string room, string channel) => action switch
    {
        ConferenceAction.Mute => new ConfbridgeMuteAction { Conference = room, Channel = channel },
        ConferenceAction.Unmute => new ConfbridgeUnmuteAction { Conference = room, Channel = channel },
        _ => new ConfbridgeKickAction { Conference = room, Channel = channel },
    };
}
