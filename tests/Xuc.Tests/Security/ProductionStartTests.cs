using Xuc.Actors.Configuration;
using Xuc.Host.Startup;
using Xuc.Tests.Support;

namespace Xuc.Tests.Security;

/// <summary>
/// Issue 23, High 5: with a real PBX (<c>XUC_AMI_EMBEDDED=off</c>) the demo is not seeded and an admin with a default
/// password stops the start, one line naming the setting and exit code 5, unless XUC_ALLOW_DEFAULT_PASSWORDS=on (a lab).
/// </summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Not embedded, towards a port where no PBX answers (the start does not wait for one).</summary>
    private string RealPbx(string extra = "") => $"\nxuc.ami.embedded-simulator = off\nxuc.ami.port = {FreePort.Next()}\n{extra}";

    private async Task<int> UserCount()
    {
        using var store = new ConfigStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={Path.Combine(_dir.Path, "xuc.db")}" });
        return (await store.LoadAsync()).Users.Count;
    }

    [Fact]
    public async Task The_real_program_refuses_to_seed_the_demo_for_a_real_pbx_in_one_line_and_exit_code_5()
    {
        using var server = ServerProcess.Start(_dir.Path, new Dictionary<string, string> { ["XUC_AMI_EMBEDDED"] = "off", ["XUC_AMI_PORT"] = FreePort.Next().ToString() });
        Assert.Equal(StartupError.InsecureStart, await server.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(server.Output);
        Assert.StartsWith("xuc: cannot start: XUC_SEED_DEMO=on with XUC_AMI_EMBEDDED=off", line);
        Assert.Contains("XUC_ALLOW_DEFAULT_PASSWORDS=on", line);
        Assert.Equal(0, await UserCount());
    }

    [Fact]
    public async Task An_admin_with_a_default_password_stops_a_start_with_a_real_pbx()
    {
        // The demo store of an earlier embedded run, then pointed at a real PBX.
        await using (await TestServer.StartInAsync(_dir.Path)) { }
        var refused = await Assert.ThrowsAsync<StartupError>(() => TestServer.StartInAsync(_dir.Path, RealPbx()));
        Assert.Equal(StartupError.InsecureStart, refused.ExitCode);
        Assert.Contains("the Admin user 'admin' still has his demo password", refused.Message);

        // Fixed by changing it: then the start goes on.
        using (var store = new ConfigStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={Path.Combine(_dir.Path, "xuc.db")}" }))
        {
            var admin = (await store.FindUserByLoginAsync("admin"))!;
            await store.UpsertAsync(ConfigKinds.User, admin with { Password = "a long and secret one" });
        }
        await using var started = await TestServer.StartInAsync(_dir.Path, RealPbx());
        Assert.Equal(13, await UserCount());
    }

    [Fact]
    public async Task A_lab_may_allow_default_passwords_and_is_told_loudly()
    {
        var printed = new List<string>();
        await using var app = await XucApp.StartAsync(TestServer.Overrides(_dir.Path) + RealPbx("xuc.auth.allow-default-passwords = on"), _ => null, printed.Add);
        Assert.Contains(printed, p => p.Contains("WARNING: XUC_ALLOW_DEFAULT_PASSWORDS=on with a real PBX") && p.Contains("the demo users (password = login, admin/admin) were seeded"));
        Assert.Equal(13, await UserCount());
    }

    [Fact]
    public async Task The_embedded_default_still_seeds_the_demo_for_a_newcomer()
    {
        await using var server = await TestServer.StartInAsync(_dir.Path);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Rest.LoginAsync(server.Http, "admin", "admin")).StatusCode);
    }
}
