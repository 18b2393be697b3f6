namespace Xuc.PbxSim.Model;

/// <summary>A control request the simulated PBX cannot carry out (unknown endpoint, nothing ringing, ...).</summary>
public sealed class SimulationException(string message) : Exception(message);
