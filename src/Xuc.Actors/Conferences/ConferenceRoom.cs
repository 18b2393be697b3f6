using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Conferences;

/// <summary>
/// One participant of a ConfBridge room, as app_confbridge's events describe it: <see cref="Index"/> is his place in
/// the room's join order (1, 2, …; never reused while the room lasts), what the conference commands name him by;
/// <see cref="Organizer"/> when he joined with an admin user profile (ConfbridgeJoin <c>Admin: Yes</c>, the
/// organiser PIN's profile). Times are Unix milliseconds.
/// </summary>
public sealed record ConferenceMember(int Index, string Channel, string UniqueId, string Number, string Name, bool Muted, bool Talking, bool Organizer, long JoinTime)
{
    /// <summary>Whether the channel is one of the phone <paramref name="phoneInterface"/>'s (<c>PJSIP/1001</c> → <c>PJSIP/1001-0000002a</c>).</summary>
    public bool IsOn(string phoneInterface) => Channel.StartsWith(phoneInterface + "-", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A room the PBX runs now (from ConfbridgeStart or its first join, to ConfbridgeEnd).</summary>
public sealed record ConferenceRoom(string Number, long StartTime, IReadOnlyList<ConferenceMember> Members, int LastIndex)
{
    public ConferenceMember? Member(int index) => Members.FirstOrDefault(m => m.Index == index);

    public ConferenceMember? MemberOn(string phoneInterface) => Members.FirstOrDefault(m => m.IsOn(phoneInterface));
}

/// <summary>
/// What changed in the rooms, published cluster-wide on <see cref="Topic"/> by the AMI singleton's conference
/// tracker, with every room as it now is (a node's feed replaces its picture with <see cref="Rooms"/>: one writer,
/// no drift). <see cref="Kind"/>: Join, Leave, Update (mute, talking), Start, End, Snapshot (an answer, a resync).
/// </summary>
public sealed record ConferenceChange(string Kind, string Room, ConferenceMember? Member, IReadOnlyList<ConferenceRoom> Rooms, long Version) : IEntityPublication
{
    public const string Topic = "conferences";
    public const string Join = "Join";
    public const string Leave = "Leave";
    public const string Update = "Update";
    public const string Start = "Start";
    public const string End = "End";
    public const string Snapshot = "Snapshot";
}

/// <summary>Asks the AMI singleton's conference tracker for a <see cref="ConferenceChange"/> Snapshot.</summary>
public sealed record GetConferenceRooms : IEntityPublication
{
    public static readonly GetConferenceRooms Instance = new();
}
