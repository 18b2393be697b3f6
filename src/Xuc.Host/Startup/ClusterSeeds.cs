namespace Xuc.Host.Startup;

/// <summary>Parses the comma-separated seed list (XUC_AKKA_SEEDS); an empty list means the node is its own seed.</summary>
public static class ClusterSeeds
{
    public static string[] Parse(string? list)
        => string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
