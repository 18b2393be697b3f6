using System.Diagnostics;

namespace Xuc.Tests.RealAsterisk;

/// <summary>
/// The Debian sid chroot holding Asterisk 22 that <c>./build.sh asterisk</c> (and <c>./build.sh test</c>) builds
/// (XUC_ASTERISK_CHROOT, default <c>~/.cache/xuc/asterisk-sid</c>), and SIPp for the phones. Usable when both are
/// there and we are root (chroot needs it); else <see cref="Missing"/> says why.
/// </summary>
public static class AsteriskChroot
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("XUC_ASTERISK_CHROOT") is { Length: > 0 } d ? d
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "xuc", "asterisk-sid");

    public static string? Sipp { get; } = new[] { "/usr/bin/sipp", "/usr/local/bin/sipp" }.FirstOrDefault(File.Exists);

    public static string? Missing { get; } = FindMissing();

    public static bool Required => Environment.GetEnvironmentVariable("XUC_REQUIRE_ASTERISK") == "1";

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux";
        if (Environment.UserName != "root" && !string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal))
            return "not root (chroot needs it)";
        if (!File.Exists(Path.Combine(Directory, "usr/sbin/asterisk"))) return $"no Asterisk chroot at {Directory} (./build.sh asterisk builds it)";
        if (Sipp is null) return "sipp is not installed (Debian package sip-tester)";
        return null;
    }

    public static void Kill(Process p)
    {
        try
        {
            if (!p.HasExited) p.Kill();
            p.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
    }
}
