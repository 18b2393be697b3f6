namespace Xuc.Actors.Configuration.Model;

/// <summary>A phone line: its number and the device interface Asterisk knows it by (e.g. <c>PJSIP/1001</c>).</summary>
public sealed record Line
{
    public int Id { get; init; }
    public string Number { get; init; } = "";
    public string Interface { get; init; } = "";
    public string Context { get; init; } = "default";
}
