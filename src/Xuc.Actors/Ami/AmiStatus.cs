namespace Xuc.Actors.Ami;

/// <summary>Asks the AMI connection whether it is logged in to the PBX.</summary>
public sealed class GetAmiStatus
{
    public static readonly GetAmiStatus Instance = new();
    private GetAmiStatus() { }
}

/// <summary>The AMI link as the connection singleton sees it.</summary>
public sealed record AmiStatus(bool Connected, string? LastError, DateTimeOffset Since);
