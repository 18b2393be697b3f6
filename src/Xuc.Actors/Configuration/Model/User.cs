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
}
