namespace Xuc.PbxSim.Model;

/// <summary>A basic two-party (or more) bridge.</summary>
public sealed class SimBridge(string uniqueid)
{
    public string Uniqueid { get; } = uniqueid;
    public List<SimChannel> Channels { get; } = [];
}
