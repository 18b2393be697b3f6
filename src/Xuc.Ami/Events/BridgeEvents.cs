using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

/// <summary>
/// The bridge block manager_bridges.c ast_manager_build_bridge_state_string_prefix writes (BridgeUniqueid, BridgeType,
/// BridgeTechnology, BridgeCreator, BridgeName, BridgeNumChannels, BridgeVideoSourceMode, then BridgeVideoSource only
/// in talker/single-source video mode).
/// </summary>
public abstract class BridgeEvent(AmiMessage message) : AmiEvent(message)
{
    public string BridgeUniqueid => Get("BridgeUniqueid");
    public string BridgeType => Get("BridgeType");
    public string BridgeTechnology => Get("BridgeTechnology");
    public string BridgeCreator => Get("BridgeCreator");
    public string BridgeName => Get("BridgeName");
    public int BridgeNumChannels => Int("BridgeNumChannels");
    public string BridgeVideoSourceMode => Get("BridgeVideoSourceMode");
    public string? BridgeVideoSource => this["BridgeVideoSource"];
}

/// <summary>manager_bridges.c bridge_create (stasis bridge snapshot, no extra fields).</summary>
public sealed class BridgeCreateEvent(AmiMessage message) : BridgeEvent(message);

/// <summary>manager_bridges.c bridge_destroy (the last snapshot, no extra fields).</summary>
public sealed class BridgeDestroyEvent(AmiMessage message) : BridgeEvent(message);
