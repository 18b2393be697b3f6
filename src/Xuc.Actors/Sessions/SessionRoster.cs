namespace Xuc.Actors.Sessions;

/// <summary>Asks a node's <see cref="SessionManagerActor"/> for its open sessions (of one login, or all); answered with <see cref="SessionList"/>.</summary>
public sealed record ListSessions(string? Login);

/// <summary>One open CTI session: its login, its actor's name on the node, when it opened.</summary>
public sealed record SessionEntry(string Login, string Session, DateTimeOffset Since);

/// <summary>A node's open sessions.</summary>
public sealed record SessionList(string Node, IReadOnlyList<SessionEntry> Sessions);

/// <summary>Closes every session of <paramref name="Login"/> on the node (its sockets closed with the reason); answered with <see cref="SessionsKicked"/>.</summary>
public sealed record KickSessions(string Login, string Reason);

/// <summary>How many sessions a node closed.</summary>
public sealed record SessionsKicked(string Node, int Count);

/// <summary>Told to a session by its manager: close with this reason (an administrator's kick).</summary>
public sealed record CloseSessionNow(string Reason);
