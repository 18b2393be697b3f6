using System.Reflection;
using Xunit.Sdk;

namespace Xuc.Tests.RealAsterisk;

/// <summary>The PBXs a scenario runs on: a Theory row per PBX. <see cref="Asterisk"/> is the row's argument.</summary>
public static class PbxKind
{
    public const string Sim = "pbxsim";
    public const string Asterisk = "asterisk";
    public const string NotTested = "REAL ASTERISK NOT TESTED";
}

/// <summary>
/// The scenario's row for PbxSim (always runs).
/// </summary>
public sealed class PbxSimDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[PbxKind.Sim]];
}

/// <summary>
/// The scenario's row for the real Asterisk 22 (<see cref="AsteriskChroot"/>). Where it cannot run, the row is skipped
/// and its argument, hence the test's display name, says <c>REAL ASTERISK NOT TESTED</c> and why — unless
/// XUC_REQUIRE_ASTERISK=1 (set by build.sh test once it could build the chroot): then the row runs and fails.
/// </summary>
public sealed class RealAsteriskDataAttribute : DataAttribute
{
    private static bool Skipped => AsteriskChroot.Missing is not null && !AsteriskChroot.Required;

    public override string? Skip
    {
        get => Skipped ? $"{PbxKind.NotTested}: {AsteriskChroot.Missing}; run ./build.sh test as root, which builds the chroot" : null;
        set { }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[Skipped ? $"{PbxKind.NotTested} ({AsteriskChroot.Missing})" : PbxKind.Asterisk]];
}
