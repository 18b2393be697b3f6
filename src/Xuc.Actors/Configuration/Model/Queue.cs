namespace Xuc.Actors.Configuration.Model;

/// <summary>An app_queue queue: <see cref="Name"/> is the Asterisk name, <see cref="Number"/> the extension that reaches it.</summary>
public sealed record Queue
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Number { get; init; } = "";
    public string Context { get; init; } = "default";
    public int WrapUpSeconds { get; init; }
}
