using System.Text;

namespace Xuc.Ami.Actions;

/// <summary>An AMI action: its name and headers; the client adds the ActionID when it sends it.</summary>
public abstract class AmiAction
{
    public abstract string Name { get; }

    /// <summary>
    /// How long the client waits for this action's response (and list); null: the client's <c>ActionTimeout</c>.
    /// Not sent to the PBX (Originate's own <c>Timeout</c> header is the ring time).
    /// </summary>
    public TimeSpan? ResponseTimeout { get; init; }

    /// <summary>The action's own headers, in the order they are written (null values are left out).</summary>
    protected abstract IEnumerable<(string Name, string? Value)> Fields();

    /// <summary>Extra headers that may repeat (e.g. <c>Variable:</c>).</summary>
    protected virtual IEnumerable<(string Name, string Value)> Repeated() => [];

    /// <summary>The exact AMI text: <c>Action: X</c>, <c>ActionID</c>, the fields, a blank line.</summary>
    public string ToWire(string? actionId)
    {
        var sb = new StringBuilder(128);
        sb.Append("Action: ").Append(Name).Append("\r\n");
        if (actionId is not null) sb.Append("ActionID: ").Append(actionId).Append("\r\n");
        foreach (var (n, v) in Fields())
            if (v is not null) Line(sb, n, v);
        foreach (var (n, v) in Repeated()) Line(sb, n, v);
        return sb.Append("\r\n").ToString();
    }

    private static void Line(StringBuilder sb, string name, string value)
    {
        // A CR or LF inside a value would end the header (or the action) early: header injection. Refuse it.
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new ArgumentException($"the value of {name} contains a line break");
        sb.Append(name).Append(": ").Append(value).Append("\r\n");
    }

    public override string ToString() => ToWire(null);
}

/// <summary>Any action by name with free headers, for what has no class of its own.</summary>
public sealed class GenericAction(string name, params (string Name, string Value)[] headers) : AmiAction
{
    public override string Name => name;
    protected override IEnumerable<(string Name, string? Value)> Fields() => headers.Select(h => (h.Name, (string?)h.Value));
}
