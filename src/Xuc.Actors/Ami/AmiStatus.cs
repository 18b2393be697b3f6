namespace Xuc.Actors.Ami;

/// <summary>Asks the AMI connection whether it is logged in to the PBX.</summary>
public sealed class GetAmiStatus
{
    public static readonly GetAmiStatus Instance = new();
    private GetAmiStatus() { }
}

/// <summary>The AMI link as the connection singleton sees it; <paramref name="Since"/> is when it last changed (connected since, when connected).</summary>
public sealed record AmiStatus(bool Connected, string? LastError, DateTimeOffset Since)
{
    /// <summary>The last failure of the link (kept after it is back), and when.</summary>
    public string? LastFailure { get; init; }
    public DateTimeOffset? LastFailureAt { get; init; }
    /// <summary>AMI events received since the singleton started, and their rate over the last 10 s.</summary>
    public long EventsTotal { get; init; }
    public double EventsPerSecond { get; init; }
    /// <summary>Logins after the first one.</summary>
    public int Reconnects { get; init; }
}

/// <summary>
/// Rebuilds the picture from the PBX now (the lists a reconnection asks for); answered with <see cref="AmiResynchronised"/>
/// once the lists are replayed, or a <see cref="Akka.Actor.Status.Failure"/> when not connected.
/// </summary>
public sealed class ResynchroniseAmi
{
    public static readonly ResynchroniseAmi Instance = new();
    private ResynchroniseAmi() { }
}

/// <summary>A resynchronisation done: how many list events were replayed.</summary>
public sealed record AmiResynchronised(int Events);
