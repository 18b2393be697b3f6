namespace Xuc.Actors.Callbacks;

/// <summary>A callback write refused whole: each error names the line, object or field at fault; nothing was written.</summary>
public sealed class CallbackValidationException(IReadOnlyList<string> errors)
    : Exception(errors.Count == 1 ? errors[0] : $"{errors.Count} errors: {string.Join("; ", errors.Take(20))}{(errors.Count > 20 ? "; …" : "")}")
{
    public IReadOnlyList<string> Errors { get; } = errors;

    public CallbackValidationException(string error) : this([error]) { }
}
