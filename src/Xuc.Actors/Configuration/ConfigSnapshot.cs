using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration;

/// <summary>The whole configuration at one moment; also the shape of an import file.</summary>
public sealed record ConfigSnapshot
{
    public IReadOnlyList<User> Users { get; init; } = [];
    public IReadOnlyList<Line> Lines { get; init; } = [];
    public IReadOnlyList<Agent> Agents { get; init; } = [];
    public IReadOnlyList<Queue> Queues { get; init; } = [];
    public IReadOnlyList<AgentGroup> AgentGroups { get; init; } = [];
    public IReadOnlyList<RightProfile> RightProfiles { get; init; } = [];
    public IReadOnlyList<UserStatus> UserStatuses { get; init; } = [];
    public IReadOnlyList<SheetField> SheetFields { get; init; } = [];
    public IReadOnlyList<DirectoryContact> Contacts { get; init; } = [];
    /// <summary>Where the directory searches (docs/directory.md); none: the users, the contacts and each user's personal contacts.</summary>
    public IReadOnlyList<DirectorySource> DirectorySources { get; init; } = [];

    public static readonly ConfigSnapshot Empty = new();
}
