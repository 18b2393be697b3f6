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
    /// <summary>Dialplan steps run so far (the first runs at priority 1).</summary>
    public int StepsRun { get; set; }
    public string Application { get; set; } = "";
    public string ApplicationData { get; set; } = "";
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset? Answered { get; set; }
    public bool OnHold { get; set; }
    /// <summary>Music on hold plays to the channel (a queue caller waiting, realistic level).</summary>
    public bool MusicOnHold { get; set; }
    public SimBridge? Bridge { get; set; }
    /// <summary>The channel that dialed this one (for DialEnd and answering).</summary>
    public SimChannel? DialedBy { get; set; }
    /// <summary>Set on a queue member's channel: the queue call it rings for.</summary>
    public QueueCall? RingingFor { get; set; }
    /// <summary>The other half of a Local channel pair (<c>;1</c> ↔ <c>;2</c>), null for any other channel.</summary>
    public SimChannel? LocalOther { get; set; }
    /// <summary>A Local <c>;1</c> half that core_unreal may optimise away once both sides are bridged (no <c>/n</c>).</summary>
    public bool LocalOptimize { get; set; }
    public string? Conference { get; set; }
    public bool ConferenceMuted { get; set; }
    /// <summary>Joined with an admin user profile (ConfBridge events' <c>Admin: Yes</c>).</summary>
    public bool ConferenceAdmin { get; set; }
    /// <summary>res_mutestream's audio suppression: voice read from the phone (<c>in</c>) / written to it (<c>out</c>).</summary>
    public bool MutedIn { get; set; }
    public bool MutedOut { get; set; }
    /// <summary>The channel has an audiohook list (a MixMonitor or a spy was attached once): MixMonitorMute can act on it.</summary>
    public bool Audiohooks { get; set; }
    /// <summary>app_mixmonitor's datastore: a recording runs (MixMonitor started, not stopped).</summary>
    public bool Recording { get; set; }
    /// <summary>This channel runs ChanSpy (AST_FLAG_SPYING): what it looks for, and the channel it spies on now.</summary>
    public ChanSpy? Spy { get; set; }
    public Dictionary<string, string> Variables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static string StateDesc(int state) => state switch
    {
        0 => "Down", 1 => "Rsrvd", 2 => "OffHook", 3 => "Dialing", 4 => "Ring", 5 => "Ringing", 6 => "Up", 7 => "Busy",
        8 => "Dialing Offhook", 9 => "Pre-ring", _ => "Unknown",
    };
}
