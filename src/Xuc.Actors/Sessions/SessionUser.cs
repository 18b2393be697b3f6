using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions;

/// <summary>What a session needs of its user's configuration.</summary>
public sealed record SessionUser(User User, ProfileKind Profile, Line? Line, IReadOnlyList<UserStatus> Statuses)
{
    /// <summary>The agent groups a Supervisor's profile lists (the agents he watches and may act on).</summary>
    public IReadOnlyList<int> SupervisedGroups { get; init; } = [];

    /// <summary>The queues a Supervisor's profile lists (the queues whose lists, statistics and calls he sees).</summary>
    public IReadOnlyList<int> SupervisedQueues { get; init; } = [];
}

/// <summary>Finds a session's user; the server reads the configuration store, tests give fixed answers.</summary>
public interface ISessionDirectory
{
    /// <returns>null when no user has this login.</returns>
    Task<SessionUser?> FindAsync(string login);
}

/// <summary>
/// Sessions' users from the configuration store. The status list is the same for everyone: it is read once per
/// configuration revision and that one list is shared by every session (10,000 sessions held 60,000 copies of six
/// statuses before, about 1.2 KiB each; <c>./build.sh bench sessions</c>).
/// </summary>
public sealed class StoreSessionDirectory(ConfigStore store) : ISessionDirectory
{
    private volatile SharedStatuses? _statuses;

    public async Task<SessionUser?> FindAsync(string login)
    {
        var user = await store.FindUserByLoginAsync(login);
        if (user is null) return null;
        var line = user.LineId is { } lineId ? (Line?)await store.GetAsync(ConfigKinds.Line, lineId.ToString()) : null;
        var profile = await RightProfileOfAsync(store, user);
        return new SessionUser(user, KindOf(profile), line, await StatusesAsync()) { SupervisedGroups = profile?.GroupIds ?? [], SupervisedQueues = profile?.QueueIds ?? [] };
    }

    private async Task<IReadOnlyList<UserStatus>> StatusesAsync()
    {
        var revision = await store.RevisionAsync();
        if (_statuses is { } cached && cached.Revision == revision) return cached.List;
        var list = (await store.ListAsync(ConfigKinds.UserStatus)).Cast<UserStatus>().ToList();
        _statuses = new SharedStatuses(revision, list);
        return list;
    }

    private sealed record SharedStatuses(long Revision, IReadOnlyList<UserStatus> List);

    public static async Task<ProfileKind> ProfileOfAsync(ConfigStore store, User user) => KindOf(await RightProfileOfAsync(store, user));

    /// <summary>
    /// No profile, or a profile that no longer exists, reads as NoRight (issue 23, High 3; PROTOCOL.md §3 said Admin,
    /// which made every user created without <c>rightProfileId</c> an administrator): Admin is only ever explicit.
    /// </summary>
    private static ProfileKind KindOf(RightProfile? profile) => profile?.Kind ?? ProfileKind.NoRight;

    private static async Task<RightProfile?> RightProfileOfAsync(ConfigStore store, User user)
        => user.RightProfileId is { } id ? (RightProfile?)await store.GetAsync(ConfigKinds.RightProfile, id.ToString()) : null;
}
