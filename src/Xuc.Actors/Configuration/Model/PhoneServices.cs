namespace Xuc.Actors.Configuration.Model;

/// <summary>
/// A user's phone services, set from the CTI (<c>dnd</c>, <c>naFwd</c>, <c>uncFwd</c>, <c>busyFwd</c>) or the admin
/// API, stored with the user and written to the PBX's AstDB (docs/cti-websocket.md, "Phone services"). A forward keeps
/// its destination while it is off, so the client shows it and switching it on again needs no retyping.
/// </summary>
public sealed record PhoneServices
{
    public static readonly PhoneServices Off = new();

    public bool DndEnabled { get; init; }
    public bool NaFwdEnabled { get; init; }
    public string NaFwdDestination { get; init; } = "";
    public bool UncFwdEnabled { get; init; }
    public string UncFwdDestination { get; init; } = "";
    public bool BusyFwdEnabled { get; init; }
    public string BusyFwdDestination { get; init; } = "";
}

/// <summary>The rule for a forward's destination, shared by the configuration check and the CTI commands.</summary>
public static partial class ForwardDestination
{
    public const int MaxLength = 32;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9*#+]{1,32}$")]
    private static partial System.Text.RegularExpressions.Regex Dialable();

    /// <returns>What is wrong with <paramref name="destination"/> for a forward switched <paramref name="enabled"/>, or null.</returns>
    public static string? Problem(bool enabled, string? destination)
    {
        if (string.IsNullOrEmpty(destination)) return enabled ? "a destination is required to enable a forward" : null;
        if (destination.Length > MaxLength) return $"'{Shown(destination)}' is longer than {MaxLength} characters";
        return Dialable().IsMatch(destination) ? null : $"'{Shown(destination)}' is not a dialable number (digits, *, #, +)";
    }

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
