namespace Xuc.PbxSim.Model;

/// <summary>A channel: its name (<c>PJSIP/1001-0000000a</c>), ids, state and party numbers.</summary>
public sealed class SimChannel
{
    public required string Name { get; init; }
    public required string Uniqueid { get; init; }
    public required string Linkedid { get; set; }
    public required string Device { get; init; }
    public int State { get; set; }
    public string CallerIdNum { get; set; } = "";
    public string CallerIdName { get; set; } = "";
    public string ConnectedNum { get; set; } = "";
    public string ConnectedName { get; set; } = "";
    public string Context { get; set; } = "default";
    public string Exten { get; set; } = "s";
    public int Priority { get; set; } = 1;
    public string Application { get; set; } = "";
    public string ApplicationData { get; set; } = "";
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset? Answered { get; set; }
    public bool OnHold { get; set; }
    public SimBridge? Bridge { get; set; }
    /// <summary>The channel that dialed this one (for DialEnd and answering).</summary>
    public SimChannel? DialedBy { get; set; }
    /// <summary>Set on a queue member's channel: the queue call it rings for.</summary>
    public QueueCall? RingingFor { get; set; }
    public string? Conference { get; set; }
    public bool ConferenceMuted { get; set; }
    public Dictionary<string, string> Variables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static string StateDesc(int state) => state switch
    {
        0 => "Down", 1 => "Rsrvd", 2 => "OffHook", 3 => "Dialing", 4 => "Ring", 5 => "Ringing", 6 => "Up", 7 => "Busy",
        8 => "Dialing Offhook", 9 => "Pre-ring", _ => "Unknown",
    };
}
