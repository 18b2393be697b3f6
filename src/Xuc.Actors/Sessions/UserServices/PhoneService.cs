using Xuc.Ami.Actions;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions.UserServices;

/// <summary>The four phone services a user switches from the CTI: the command names of PROTOCOL.md §2.1.</summary>
public enum PhoneService { Dnd, NaFwd, UncFwd, BusyFwd }

/// <summary>
/// One service switched on or off (with a destination for a forward), how it changes the stored
/// <see cref="PhoneServices"/>, and the AstDB entry an Asterisk dialplan reads for it. Families per feature, key the
/// user's line number (the FreePBX convention): <c>DND/1001</c> = <c>YES</c>, <c>CF/1001</c> (unconditional),
/// <c>CFU/1001</c> (no answer), <c>CFB/1001</c> (busy) = the destination; an empty value when off
/// (docs/cti-websocket.md, "Phone services").
/// </summary>
public sealed record PhoneServiceSetting(PhoneService Service, bool Enabled, string Destination = "")
{
    public const string DndOn = "YES";

    public static string CommandOf(PhoneService service) => service switch
    {
        PhoneService.Dnd => "dnd",
        PhoneService.NaFwd => "naFwd",
        PhoneService.UncFwd => "uncFwd",
        _ => "busyFwd",
    };

    public static string FamilyOf(PhoneService service) => service switch
    {
        PhoneService.Dnd => "DND",
        PhoneService.NaFwd => "CFU",
        PhoneService.UncFwd => "CF",
        _ => "CFB",
    };

    public string Command => CommandOf(Service);

    /// <summary>What is wrong with the destination (forwards only), or null.</summary>
    public string? Problem => Service == PhoneService.Dnd ? null : ForwardDestination.Problem(Enabled, Destination);

    public PhoneServices ApplyTo(PhoneServices s) => Service switch
    {
        PhoneService.Dnd => s with { DndEnabled = Enabled },
        PhoneService.NaFwd => s with { NaFwdEnabled = Enabled, NaFwdDestination = Destination },
        PhoneService.UncFwd => s with { UncFwdEnabled = Enabled, UncFwdDestination = Destination },
        _ => s with { BusyFwdEnabled = Enabled, BusyFwdDestination = Destination },
    };

    /// <summary>The AstDB write for this service of the line <paramref name="lineNumber"/>.</summary>
    public DbPutAction ToDbPut(string lineNumber) => new()
    {
        Family = FamilyOf(Service),
        Key = lineNumber,
        Val = !Enabled ? "" : Service == PhoneService.Dnd ? DndOn : Destination,
    };

    /// <summary>The settings that differ between two stored states (an administrator's change), to write to the PBX.</summary>
    public static IEnumerable<PhoneServiceSetting> Differences(PhoneServices before, PhoneServices after)
    {
        if (before.DndEnabled != after.DndEnabled) yield return new(PhoneService.Dnd, after.DndEnabled);
        if (PbxValue(before.NaFwdEnabled, before.NaFwdDestination) != PbxValue(after.NaFwdEnabled, after.NaFwdDestination))
            yield return new(PhoneService.NaFwd, after.NaFwdEnabled, after.NaFwdDestination);
        if (PbxValue(before.UncFwdEnabled, before.UncFwdDestination) != PbxValue(after.UncFwdEnabled, after.UncFwdDestination))
            yield return new(PhoneService.UncFwd, after.UncFwdEnabled, after.UncFwdDestination);
        if (PbxValue(before.BusyFwdEnabled, before.BusyFwdDestination) != PbxValue(after.BusyFwdEnabled, after.BusyFwdDestination))
            yield return new(PhoneService.BusyFwd, after.BusyFwdEnabled, after.BusyFwdDestination);
    }

    private static string PbxValue(bool enabled, string destination) => enabled ? destination : "";
}
