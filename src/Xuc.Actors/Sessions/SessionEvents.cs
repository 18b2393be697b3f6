namespace Xuc.Actors.Sessions;

/// <summary>Published on the user's topic when one of their sessions changes their status; every session of theirs shows it.</summary>
public sealed record UserStatusChanged(string Login, string Status);
