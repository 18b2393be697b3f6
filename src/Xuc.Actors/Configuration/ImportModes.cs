namespace Xuc.Actors.Configuration;

/// <summary>The wire names of <see cref="ImportMode"/>: <c>replace</c> and <c>merge</c>.</summary>
public static class ImportModes
{
    public static ImportMode? Parse(string? name) => name switch
    {
        "replace" => ImportMode.Replace,
        "merge" => ImportMode.Merge,
        _ => null,
    };

    public static string Name(ImportMode mode) => mode == ImportMode.Replace ? "replace" : "merge";
}
