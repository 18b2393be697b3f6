using Xuc.Host.Settings;

namespace Xuc.Tests.Host;

public sealed class SettingsTests
{
    [Fact]
    public void Defaults_come_from_the_hocon_files()
    {
        var s = XucSettings.From(HoconLoader.Load());
        Assert.Equal(8090, s.HttpPort);
        Assert.Equal("sqlite", s.DbProvider);
        Assert.True(s.Ami.EmbeddedSimulator);
        Assert.Equal(5038, s.Ami.Port);
        Assert.Equal(TimeSpan.FromHours(1), s.TokenTtl);
    }

    [Fact]
    public void Overrides_replace_defaults_and_a_bad_provider_is_refused_by_name()
    {
        var s = XucSettings.From(HoconLoader.Load("xuc.http.port = 9100\nxuc.ami.auth = plain"));
        Assert.Equal(9100, s.HttpPort);
        Assert.False(s.Ami.UseMd5);
        var e = Assert.Throws<InvalidOperationException>(() => XucSettings.From(HoconLoader.Load("xuc.database.provider = oracle")));
        Assert.Contains("XUC_DB_PROVIDER", e.Message);
    }

    [Fact]
    public void The_simulator_event_level_is_realistic_unless_set_minimal_and_a_bad_value_is_refused_by_name()
    {
        Assert.True(XucSettings.From(HoconLoader.Load()).Ami.SimulatorRealisticEvents);
        var minimal = HoconLoader.Load(environment: n => n == "XUC_PBXSIM_EVENTS" ? "minimal" : null);
        Assert.False(XucSettings.From(minimal).Ami.SimulatorRealisticEvents);
        var e = Assert.Throws<InvalidOperationException>(() => XucSettings.From(HoconLoader.Load("xuc.ami.simulator-events = loud")));
        Assert.Equal("xuc.ami.simulator-events (XUC_PBXSIM_EVENTS) must be realistic or minimal, not 'loud'", e.Message);
    }
}

public sealed class EnvironmentOverrideTests
{
    [Fact]
    public void Every_commented_setting_is_overridable_by_its_variable()
    {
        var env = new Dictionary<string, string> { ["XUC_HTTP_PORT"] = "9200", ["XUC_AMI_HOST"] = "pbx.example", ["XUC_AKKA_PORT"] = "0", ["XUC_AMI_EMBEDDED"] = "off" };
        var config = HoconLoader.Load(environment: n => env.GetValueOrDefault(n));
        var s = XucSettings.From(config);
        Assert.Equal(9200, s.HttpPort);
        Assert.Equal("pbx.example", s.Ami.Host);
        Assert.False(s.Ami.EmbeddedSimulator);
        Assert.Equal(0, config.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Fact]
    public void The_declared_table_names_nested_paths()
    {
        var declared = EnvironmentOverrides.Declared("a {\n  b {\n    c = 1   # XUC_C\n  }\n  d.e = x  # XUC_DE\n}\nf = 2 # XUC_F\n");
        Assert.Equal([("XUC_C", "a.b.c"), ("XUC_DE", "a.d.e"), ("XUC_F", "f")], declared);
    }
}

public sealed class ReadmeSettingsTableTests
{
    [Fact]
    public void The_readme_table_names_exactly_the_variables_the_hocon_files_declare()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Xuc.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var hocon = string.Join("\n", HoconLoader.Files.Select(f => File.ReadAllText(Path.Combine(root.FullName, "hocon", f))));
        var declared = EnvironmentOverrides.Declared(hocon).Select(d => d.Env).ToHashSet();
        var table = File.ReadAllLines(Path.Combine(root.FullName, "README.md")).Where(l => l.StartsWith("| `XUC_"));
        var documented = table.SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l.Split('|')[1], "XUC_[A-Z0-9_]+").Select(m => m.Value)).ToHashSet();
        Assert.Equal(declared.Order(), documented.Order());
    }
}
