namespace Xuc.Actors.Configuration.Model;

/// <summary>A presence a user can pick (UsersStatuses on the wire); <see cref="Name"/> is its key.</summary>
public sealed record UserStatus
{
    public string Name { get; init; } = "";
    public string Color { get; init; } = "#000000";
    public string LongName { get; init; } = "";
    public IReadOnlyList<string> Actions { get; init; } = [];
}
