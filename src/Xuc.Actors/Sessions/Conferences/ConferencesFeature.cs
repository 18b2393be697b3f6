using Xuc.Actors.Sessions.Commands;

namespace Xuc.Actors.Sessions.Conferences;

// The conference commands (docs/cti-websocket.md, "Conference rooms"); ConferencesHandler runs them.

/// <summary><c>getConferenceRooms</c> (and <c>getList {objectType:"meetme"}</c>): <c>ConferenceList</c>, then on every change.</summary>
public sealed record GetConferenceRoomsCommand : ICtiCommand;

/// <summary>What a moderation command does to one participant, to everyone but the organisers, or to the sender.</summary>
public enum ConferenceAction { Mute, Unmute, Kick }

/// <summary><c>conferenceMute|Unmute|Kick {numConf, index}</c>: the participant <see cref="Index"/> of the room, by the organiser or an Admin.</summary>
public sealed record ModerateParticipant(string Command, string Room, int Index, ConferenceAction Action) : ICtiCommand;

/// <summary><c>conferenceMuteAll|UnmuteAll|Close {numConf}</c>: every participant but the organisers (Close: everyone), by the organiser or an Admin.</summary>
public sealed record ModerateRoom(string Command, string Room, ConferenceAction Action) : ICtiCommand;

/// <summary><c>conferenceMuteMe|UnmuteMe {numConf}</c>: the sender's own participant.</summary>
public sealed record ModerateSelf(string Command, string Room, ConferenceAction Action) : ICtiCommand;

public sealed class ConferencesFeature : ICtiFeature
{
    public const string GetRooms = "getConferenceRooms";

    public IEnumerable<CtiCommandDefinition> Commands
    {
        get
        {
            var handler = new ConferencesHandler();
            var everyone = CtiProfiles.Everyone;
            yield return CtiCommandDefinition.Of(GetRooms, everyone, _ => new GetConferenceRoomsCommand(), handler);
            foreach (var (name, action) in new[] { ("conferenceMute", ConferenceAction.Mute), ("conferenceUnmute", ConferenceAction.Unmute), ("conferenceKick", ConferenceAction.Kick) })
                yield return CtiCommandDefinition.Of(name, everyone, a => new ModerateParticipant(name, Room(a), a.Id("index"), action), handler);
            foreach (var (name, action) in new[] { ("conferenceMuteAll", ConferenceAction.Mute), ("conferenceUnmuteAll", ConferenceAction.Unmute), ("conferenceClose", ConferenceAction.Kick) })
                yield return CtiCommandDefinition.Of(name, everyone, a => new ModerateRoom(name, Room(a), action), handler);
            foreach (var (name, action) in new[] { ("conferenceMuteMe", ConferenceAction.Mute), ("conferenceUnmuteMe", ConferenceAction.Unmute) })
                yield return CtiCommandDefinition.Of(name, everyone, a => new ModerateSelf(name, Room(a), action), handler);
        }
    }

    /// <summary>The room's number, which clients send as a string or a number.</summary>
    private static string Room(CommandArguments a) => a.OptionalText("numConf", 80) ?? throw new CommandArgumentException($"{a.Command}: 'numConf' is missing");
}
