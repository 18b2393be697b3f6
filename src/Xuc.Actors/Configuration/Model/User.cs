namespace Xuc.Actors.Configuration.Model;

/// <summary>A person who logs in. <see cref="Password"/> only travels in import files and admin requests; the store keeps the hash.</summary>
public sealed record User
{
    public int Id { get; init; }
    public string Login { get; init; } = "";
    public string? Password { get; init; }
    public string? PasswordHash { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string? MobileNumber { get; init; }
    public int? LineId { get; init; }
    public int? AgentId { get; init; }
    public int? RightProfileId { get; init; }
    /// <summary>
    /// Do not disturb and the three forwards. Read from the store it is never null; in an admin request or an import,
    /// null (left out) keeps the stored services (all off for a new user), as a left-out password keeps the stored one.
    /// </summary>
    public PhoneServices? Services { get; init; }
    /// <summary>
    /// The user's mailbox (<c>box@context</c>, or <c>box</c> for context <c>default</c>) whose counts the CTI shows;
    /// null: his line's <c>number@context</c>; empty: no voicemail.
    /// </summary>
    public string? VoiceMailBox { get; init; }
    /// <summary>
    /// The version every token of this user carries (docs/security.md, "Tokens"): set by the store, from its revision,
    /// when the user is created, his password or profile changes, or he logs out everywhere; a token of another version
    /// is refused. Never read from nor written to JSON (admin API, import, export).
    /// </summary>
    [Newtonsoft.Json.JsonIgnore]
    public long TokenVersion { get; init; }
}
