using System.Text;

namespace Xuc.PbxSim.Protocol;

/// <summary>Builds AMI messages as Asterisk writes them: <c>Name: value\r\n</c> lines in a fixed order, then a blank line.</summary>
public sealed class AmiText
{
    private readonly StringBuilder _sb = new(512);

    public static AmiText Event(string name, string privilege) => new AmiText().Add("Event", name).Add("Privilege", privilege);

    public static AmiText Response(string response, string? actionId)
    {
        var t = new AmiText().Add("Response", response);
        if (actionId is not null) t.Add("ActionID", actionId);
        return t;
    }

    public AmiText Add(string name, string? value)
    {
        _sb.Append(name).Append(": ").Append(value ?? "").Append("\r\n");
        return this;
    }

    public AmiText Add(string name, int value) => Add(name, value.ToString());

    public AmiText AddIf(bool condition, string name, string? value) => condition ? Add(name, value) : this;

    public override string ToString() => _sb.ToString() + "\r\n";
}
