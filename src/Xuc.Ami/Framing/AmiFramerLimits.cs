namespace Xuc.Ami.Framing;

/// <summary>Bounds that keep garbage on the wire from growing memory: a longer line or a bigger message is skipped.</summary>
public sealed record AmiFramerLimits
{
    public int MaxLineBytes { get; init; } = 64 * 1024;
    public int MaxHeaders { get; init; } = 4096;
    public int MaxMessageBytes { get; init; } = 1024 * 1024;

    public static readonly AmiFramerLimits Default = new();
}
