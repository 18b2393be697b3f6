using System.Collections.Immutable;
using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Conferences;

/// <summary>
/// The PBX's ConfBridge rooms, rebuilt from app_confbridge's AMI events (ConfbridgeStart, Join, Leave, Mute,
/// Unmute, Talking, End; ConfbridgeListRooms and ConfbridgeList items on a resynchronisation). Immutable: each
/// <see cref="Apply"/> returns the new picture and what changed, or null when the event changes nothing.
/// </summary>
public sealed record ConferenceRooms(ImmutableSortedDictionary<string, ConferenceRoom> Rooms)
{
    public static readonly ConferenceRooms Empty = new(ImmutableSortedDictionary.Create<string, ConferenceRoom>(StringComparer.Ordinal));

    public (ConferenceRooms Rooms, string Kind, string Room, ConferenceMember? Member)? Apply(AmiEventData e, long nowMs)
    {
        if (e["Conference"] is not { Length: > 0 } number) return null;
        var room = Rooms.GetValueOrDefault(number);
        switch (e.Name)
        {
            case "ConfbridgeStart":
            case "ConfbridgeListRooms":
                return room is not null ? null : (With(new ConferenceRoom(number, nowMs, [], 0)), ConferenceChange.Start, number, null);
            case "ConfbridgeEnd":
                return room is null ? null : (new ConferenceRooms(Rooms.Remove(number)), ConferenceChange.End, number, null);
            case "ConfbridgeJoin":
            case "ConfbridgeList":
            {
                room ??= new ConferenceRoom(number, nowMs, [], 0);
                if (e["Channel"] is not { Length: > 0 } channel || room.Members.Any(m => m.Channel == channel)) return null;
                var member = new ConferenceMember(room.LastIndex + 1, channel, e["Uniqueid"] ?? "", e["CallerIDNum"] ?? "", e["CallerIDName"] ?? "",
                    Yes(e["Muted"]), Yes(e["Talking"]), Yes(e["Admin"]), nowMs);
                return (With(room with { Members = [.. room.Members, member], LastIndex = member.Index }), ConferenceChange.Join, number, member);
            }
            case "ConfbridgeLeave":
            {
                if (room?.Members.FirstOrDefault(m => m.Channel == e["Channel"]) is not { } gone) return null;
                return (With(room with { Members = room.Members.Where(m => m != gone).ToList() }), ConferenceChange.Leave, number, gone);
            }
            case "ConfbridgeMute":
            case "ConfbridgeUnmute":
                return Change(room, e["Channel"], m => m with { Muted = e.Name == "ConfbridgeMute" });
            case "ConfbridgeTalking":
                return Change(room, e["Channel"], m => m with { Talking = string.Equals(e["TalkingStatus"], "on", StringComparison.OrdinalIgnoreCase) });
            default:
                return null;
        }
    }

    private (ConferenceRooms, string, string, ConferenceMember?)? Change(ConferenceRoom? room, string? channel, Func<ConferenceMember, ConferenceMember> change)
    {
        if (room?.Members.FirstOrDefault(m => m.Channel == channel) is not { } member) return null;
        var changed = change(member);
        if (changed == member) return null;
        return (With(room with { Members = room.Members.Select(m => m == member ? changed : m).ToList() }), ConferenceChange.Update, room.Number, changed);
    }

    private ConferenceRooms With(ConferenceRoom room) => new(Rooms.SetItem(room.Number, room));

    private static bool Yes(string? value) => string.Equals(value, "Yes", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
