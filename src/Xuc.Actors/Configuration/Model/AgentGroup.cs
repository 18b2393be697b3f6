namespace Xuc.Actors.Configuration.Model;

public sealed record AgentGroup
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string DisplayName { get; init; } = "";
}
