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

    /// <summary>
    /// The member interface an agent's login adds to this queue (QueueAdd <c>Interface</c>): empty = the agent's line
    /// device (<c>PJSIP/1001</c>); otherwise a template where <c>{number}</c> is the line's number, e.g.
    /// <c>Local/{number}@agents/n</c> when the PBX rings members through its dialplan. The line's device is always the
    /// member's <c>StateInterface</c>.
    /// </summary>
    public string MemberInterface { get; init; } = "";

    /// <summary>The member interface of an agent logged on <paramref name="line"/>.</summary>
    public string MemberInterfaceFor(Line line) =>
        string.IsNullOrEmpty(MemberInterface) ? line.Interface : MemberInterface.Replace("{number}", line.Number, StringComparison.Ordinal);
}
