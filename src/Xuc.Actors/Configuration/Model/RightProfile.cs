namespace Xuc.Actors.Configuration.Model;

/// <summary>PROTOCOL.md §3: Admin sees everything; a Supervisor the listed queues and agent groups; NoRight only their own.</summary>
public enum ProfileKind { Admin, Supervisor, NoRight }

public sealed record RightProfile
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public ProfileKind Kind { get; init; }
    public IReadOnlyList<int> QueueIds { get; init; } = [];
    public IReadOnlyList<int> GroupIds { get; init; } = [];
}
