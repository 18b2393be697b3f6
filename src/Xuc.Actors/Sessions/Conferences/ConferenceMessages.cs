using Newtonsoft.Json;
using Xuc.Actors.Conferences;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Conferences;

/// <summary>A member of a <c>ConferenceList</c> room: the reference's six fields, then <c>index</c> (what the commands name him by), <c>talking</c>, <c>role</c>.</summary>
public sealed record ConferenceListMember(
    [property: JsonProperty("joinOrder")] int JoinOrder,
    [property: JsonProperty("joinTime")] long JoinTime,
    [property: JsonProperty("muted")] bool Muted,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("number")] string Number,
    [property: JsonProperty("username")] string? Username,
    [property: JsonProperty("index")] int Index,
    [property: JsonProperty("talking")] bool Talking,
    [property: JsonProperty("role")] string Role)
{
    public static ConferenceListMember Of(ConferenceMember m) => new(m.Index, m.JoinTime, m.Muted, m.Name, m.Number, null, m.Index, m.Talking, ConferenceParticipant.RoleOf(m));
}

public sealed record ConferenceListRoom(
    [property: JsonProperty("number")] string Number,
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("pinRequired")] bool PinRequired,
    [property: JsonProperty("startTime")] long StartTime,
    [property: JsonProperty("members")] IReadOnlyList<ConferenceListMember> Members);

/// <summary><c>ConferenceList</c>: the rooms the PBX runs now, sent on <c>getList meetme</c> / <c>getConferenceRooms</c> and on every change.</summary>
public sealed record ConferenceListMessage([property: JsonIgnore] IReadOnlyList<ConferenceListRoom> Rooms) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "ConferenceList";
    [JsonIgnore] public object CtiMessage => Rooms;

    public static ConferenceListMessage Of(IEnumerable<ConferenceRoom> rooms) =>
        new(rooms.Select(r => new ConferenceListRoom(r.Number, r.Number, false, r.StartTime, r.Members.Select(ConferenceListMember.Of).ToList())).ToList());
}

/// <summary>A participant as a <c>ConferenceEvent</c> lists him; <c>since</c> is seconds since he joined.</summary>
public sealed record ConferenceParticipant(
    [property: JsonProperty("index")] int Index,
    [property: JsonProperty("callerIdName")] string CallerIdName,
    [property: JsonProperty("callerIdNum")] string CallerIdNum,
    [property: JsonProperty("since")] long Since,
    [property: JsonProperty("isTalking")] bool IsTalking,
    [property: JsonProperty("role")] string Role,
    [property: JsonProperty("isMuted")] bool IsMuted,
    [property: JsonProperty("isMe")] bool IsMe,
    [property: JsonProperty("username")] string? Username)
{
    public const string Organizer = "Organizer";
    public const string User = "User";

    public static string RoleOf(ConferenceMember m) => m.Organizer ? Organizer : User;

    public static ConferenceParticipant Of(ConferenceMember m, bool isMe, long nowMs) =>
        new(m.Index, m.Name, m.Number, Math.Max(0, (nowMs - m.JoinTime) / 1000), m.Talking, RoleOf(m), m.Muted, isMe, null);
}

/// <summary><c>ConferenceEvent</c>: the session's user joined (with everyone there) or left a room.</summary>
public sealed record ConferenceEventMessage(
    [property: JsonProperty("eventType")] string EventType,
    [property: JsonProperty("uniqueId")] string UniqueId,
    [property: JsonProperty("phoneNumber")] string PhoneNumber,
    [property: JsonProperty("conferenceNumber")] string ConferenceNumber,
    [property: JsonProperty("conferenceName")] string ConferenceName,
    [property: JsonProperty("since")] long Since,
    [property: JsonProperty("participants")] IReadOnlyList<ConferenceParticipant> Participants) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "ConferenceEvent";
}

/// <summary><c>ConferenceParticipantEvent</c>: someone joined, changed (mute, talking) or left the room the session's user is in.</summary>
public sealed record ConferenceParticipantEventMessage(
    [property: JsonProperty("eventType")] string EventType,
    [property: JsonProperty("uniqueId")] string UniqueId,
    [property: JsonProperty("phoneNumber")] string PhoneNumber,
    [property: JsonProperty("conferenceNumber")] string ConferenceNumber,
    [property: JsonProperty("index")] int Index,
    [property: JsonProperty("callerIdName")] string CallerIdName,
    [property: JsonProperty("callerIdNum")] string CallerIdNum,
    [property: JsonProperty("since")] long Since,
    [property: JsonProperty("isTalking")] bool IsTalking,
    [property: JsonProperty("role")] string Role,
    [property: JsonProperty("isMuted")] bool IsMuted,
    [property: JsonProperty("isMe")] bool IsMe,
    [property: JsonProperty("username")] string? Username) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "ConferenceParticipantEvent";

    public static ConferenceParticipantEventMessage Of(string eventType, string room, ConferenceMember m, bool isMe, long nowMs)
    {
        var p = ConferenceParticipant.Of(m, isMe, nowMs);
        return new(eventType, m.UniqueId, m.Number, room, m.Index, p.CallerIdName, p.CallerIdNum, p.Since, p.IsTalking, p.Role, p.IsMuted, isMe, null);
    }
}

/// <summary><c>ConferenceCommandError {error, message}</c>: a conference command refused (unknown room, not a member, not the organiser…).</summary>
public sealed record ConferenceCommandError([property: JsonProperty("error")] string Error, [property: JsonProperty("message")] string Message) : ICtiMessage
{
    public const string UnknownRoom = "ConferenceNotFound";
    public const string NotAMember = "NotAMember";
    public const string NotOrganizer = "NotOrganizer";
    public const string UnknownParticipant = "ParticipantNotFound";
    public const string PbxRefused = "PbxRefused";

    [JsonIgnore] public string MsgType => "ConferenceCommandError";
}
