namespace Xuc.Actors.Configuration;

/// <summary>A configuration refused as a whole; each error names the object and the field (e.g. <c>agent 12: groupId 99 does not exist</c>).</summary>
public sealed class ConfigValidationException(IReadOnlyList<string> errors)
    : Exception(errors.Count == 1 ? errors[0] : $"{errors.Count} errors: " + string.Join("; ", errors.Take(20)) + (errors.Count > 20 ? "; ..." : ""))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
