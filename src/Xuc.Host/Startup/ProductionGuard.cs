using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Host.Settings;

namespace Xuc.Host.Startup;

/// <summary>
/// Refuses a careless production start (docs/security.md, "Production checklist"): connected to a real PBX
/// (<c>XUC_AMI_EMBEDDED=off</c>), the server does not seed the demo users (their passwords are their logins, admin/admin)
/// and does not start while an Admin-profile user of the demo still has his demo password (his login: admin/admin).
/// Only the demo's logins are tried (a dozen hashes at most, however many users the store has).
/// <c>XUC_ALLOW_DEFAULT_PASSWORDS=on</c> lets a lab run so against a simulator, and says so loudly.
/// </summary>
public static class ProductionGuard
{
    public const string AllowVariable = "XUC_ALLOW_DEFAULT_PASSWORDS";

    /// <summary>Throws the <see cref="StartupError"/> of a start that would be open; runs before the demo seed.</summary>
    public static async Task CheckAsync(XucSettings settings, ConfigStore store)
    {
        if (settings.Ami.EmbeddedSimulator || settings.AllowDefaultPasswords) return;
        if (settings.SeedDemo && !await store.HasUsersAsync())
            throw new StartupError(StartupError.InsecureStart,
                "XUC_SEED_DEMO=on with XUC_AMI_EMBEDDED=off: the demo users (password = login, admin/admin) would be seeded for a real PBX; " +
                $"set XUC_SEED_DEMO=off and import your configuration (./build.sh import FILE.json --replace), or {AllowVariable}=on for a lab");
        foreach (var admin in await AdminsAsync(store))
            if (HasDefaultPassword(admin))
                throw new StartupError(StartupError.InsecureStart,
                    $"XUC_AMI_EMBEDDED=off and the Admin user '{admin.Login}' still has his demo password (his login): " +
                    $"change it through the admin API or an import before connecting to a real PBX, or set {AllowVariable}=on for a lab");
    }

    /// <summary>The loud line of a start that seeded or kept default passwords on a real PBX because it was told to.</summary>
    public static string? Warning(XucSettings settings, bool seeded) =>
        !settings.Ami.EmbeddedSimulator && settings.AllowDefaultPasswords
            ? $"WARNING: {AllowVariable}=on with a real PBX (XUC_AMI_EMBEDDED=off): default passwords are accepted" +
              (seeded ? "; the demo users (password = login, admin/admin) were seeded" : "") + " — never do this in production"
            : null;

    private static async Task<IEnumerable<User>> AdminsAsync(ConfigStore store)
    {
        var snapshot = await store.LoadAsync();
        var adminProfiles = snapshot.RightProfiles.Where(p => p.Kind == ProfileKind.Admin).Select(p => p.Id).ToHashSet();
        return snapshot.Users.Where(u => u.RightProfileId is { } p && adminProfiles.Contains(p));
    }

    private static readonly HashSet<string> DemoLogins = [.. DemoDataset.Logins.Select(l => l.Login)];

    private static bool HasDefaultPassword(User user) =>
        DemoLogins.Contains(user.Login) && !string.IsNullOrEmpty(user.PasswordHash) && PasswordHasher.Verify(user.Login, user.PasswordHash);
}
