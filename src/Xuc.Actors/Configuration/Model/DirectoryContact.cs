namespace Xuc.Actors.Configuration.Model;

public sealed record DirectoryContact
{
    public int Id { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string Number { get; init; } = "";
    public string? Mobile { get; init; }
    public string? Email { get; init; }
    public string? Company { get; init; }
}
