using Newtonsoft.Json;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Membership;

// Queue membership to the sessions (reference, "Queue Member", "Queue Member List", "Membership Events").

/// <summary><c>{"agentId":19,"queueId":3,"penalty":12}</c>; penalty -1: the agent left the queue.</summary>
public sealed record QueueMember(
    [property: JsonProperty("agentId")] int AgentId,
    [property: JsonProperty("queueId")] int QueueId,
    [property: JsonProperty("penalty")] int Penalty) : ICtiMessage
{
    public const int Removed = -1;
    [JsonIgnore] public string MsgType => "QueueMember";
}

/// <summary>The configured membership of every agent, one entry per agent and queue.</summary>
public sealed record QueueMemberList(IReadOnlyList<QueueMember> Members) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "QueueMemberList";
    [JsonIgnore] public object CtiMessage => Members;
}

public sealed record MembershipEntry([property: JsonProperty("queueId")] int QueueId, [property: JsonProperty("penalty")] int Penalty)
{
    public static MembershipEntry Of(QueueMembership m) => new(m.QueueId, m.Penalty);
}

/// <summary><c>{"userId":186,"membership":[{"queueId":8,"penalty":1}]}</c>.</summary>
public sealed record UserQueueDefaultMembership(
    [property: JsonProperty("userId")] int UserId,
    [property: JsonProperty("membership")] IReadOnlyList<MembershipEntry> Membership) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "UserQueueDefaultMembership";
}

/// <summary>The answer to <c>setUsersDefaultMembership</c>: one <see cref="UserQueueDefaultMembership"/> per user, in the order asked.</summary>
public sealed record UsersQueueDefaultMembership(IReadOnlyList<UserQueueDefaultMembership> Users) : ICtiMessage
{
    [JsonIgnore] public string MsgType => "UsersQueueDefaultMembership";
    [JsonIgnore] public object CtiMessage => Users;
}
