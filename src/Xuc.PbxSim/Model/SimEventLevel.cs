namespace Xuc.PbxSim.Model;

/// <summary>How many AMI events the simulator sends per call.</summary>
public enum SimEventLevel
{
    /// <summary>The events a CTI server derives phone, agent and queue state from.</summary>
    Minimal,

    /// <summary>Also what a real Asterisk 18 sends around them: Newexten per dialplan step, VarSet floods, music on hold.</summary>
    Realistic,
}
