namespace Xuc.PbxSim.Model;

/// <summary>A manager session that may receive events (it filters by <c>Events:</c> setting itself).</summary>
public interface IAmiEventSink
{
    void SendEvent(string text);
}
