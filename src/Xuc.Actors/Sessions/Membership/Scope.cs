using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions.Membership;

/// <summary>
/// What a user may act on and see in membership (PROTOCOL.md §3): Admin everything (no profile: NoRight); a Supervisor the
/// agents of his profile's groups and the queues of its queue list; NoRight only his own user's default membership.
/// </summary>
internal sealed record Scope(string Login, int UserId, ProfileKind Kind, IReadOnlySet<int>? Groups, IReadOnlySet<int>? Queues)
{
    /// <summary>
    /// From the session's user, whose profile kind, groups and queues the session directory read (a change of them closes
    /// the session, so they are current).
    /// </summary>
    public static Scope Of(SessionUser user) => user.Profile switch
    {
        ProfileKind.Admin => new Scope(user.User.Login, user.User.Id, ProfileKind.Admin, null, null),
        ProfileKind.Supervisor => new Scope(user.User.Login, user.User.Id, ProfileKind.Supervisor, user.SupervisedGroups.ToHashSet(), user.SupervisedQueues.ToHashSet()),
        var other => new Scope(user.User.Login, user.User.Id, other, new HashSet<int>(), new HashSet<int>()),
    };

    public bool SeesGroup(int group) => Groups is null || Groups.Contains(group);

    public bool SeesQueue(int queue) => Queues is null || Queues.Contains(queue);

    /// <param name="agentGroup">The group of the user's agent, null when he has none.</param>
    public bool SeesUser(User user, int? agentGroup) =>
        Kind == ProfileKind.Admin || user.Id == UserId || Kind == ProfileKind.Supervisor && agentGroup is { } g && SeesGroup(g);
}
