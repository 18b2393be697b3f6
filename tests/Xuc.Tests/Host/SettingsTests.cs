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
        var e = Assert.Throws<SettingError>(() => XucSettings.From(HoconLoader.Load("xuc.database.provider = oracle")));
        Assert.Contains("XUC_DB_PROVIDER", e.Message);
    }

    [Theory]
    [InlineData("XUC_AMI_AUTH", "foo", "XUC_AMI_AUTH=foo: plain or md5 is expected (setting xuc.ami.auth)")]
    [InlineData("XUC_AMI_PORT", "99999", "XUC_AMI_PORT=99999: a port number from 1 to 65535 is expected (setting xuc.ami.port)")]
    [InlineData("XUC_AMI_PORT", "-1", "XUC_AMI_PORT=-1: a port number from 1 to 65535 is expected (setting xuc.ami.port)")]
    [InlineData("XUC_HTTP_PORT", "abc", "XUC_HTTP_PORT=abc: a port number from 0 to 65535 is expected (setting xuc.http.port)")]
    [InlineData("XUC_PBXSIM_CONTROL_PORT", "70000", "XUC_PBXSIM_CONTROL_PORT=70000: a port number from 0 to 65535 is expected (setting xuc.ami.simulator-control-port)")]
    [InlineData("XUC_AMI_RECONNECT_MAX", "0s", "XUC_AMI_RECONNECT_MAX=0s: a duration above zero is expected (setting xuc.ami.reconnect-max)")]
    [InlineData("XUC_AMI_PING_INTERVAL", "often", "XUC_AMI_PING_INTERVAL=often: a duration such as 5s, 500ms or 2m is expected (setting xuc.ami.ping-interval)")]
    [InlineData("XUC_AMI_PING_TIMEOUT", "-5s", "XUC_AMI_PING_TIMEOUT=-5s: a duration such as 5s, 500ms or 2m is expected (setting xuc.ami.ping-timeout)")]
    [InlineData("XUC_DB_STARTUP_TIMEOUT", "soon", "XUC_DB_STARTUP_TIMEOUT=soon: a duration such as 5s, 500ms or 2m is expected (setting xuc.database.startup-timeout)")]
    [InlineData("XUC_TOKEN_TTL", "0", "XUC_TOKEN_TTL=0: a duration above zero is expected (setting xuc.auth.token-ttl)")]
    [InlineData("XUC_SEED_DEMO", "maybe", "XUC_SEED_DEMO=maybe: on or off is expected (setting xuc.database.seed-demo)")]
    [InlineData("XUC_AMI_EMBEDDED", "2", "XUC_AMI_EMBEDDED=2: on or off is expected (setting xuc.ami.embedded-simulator)")]
    public void A_value_the_server_cannot_use_is_refused_in_one_line_naming_the_variable(string env, string value, string expected)
    {
        // Not embedded, so that the AMI port must be a real one.
        var environment = new Dictionary<string, string> { ["XUC_AMI_EMBEDDED"] = "off", [env] = value };
        var e = Assert.Throws<SettingError>(() => XucSettings.From(HoconLoader.Load(environment: n => environment.GetValueOrDefault(n))));
        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData("XUC_AKKA_PORT", "4053x", "XUC_AKKA_PORT=4053x: a port number from 0 to 65535 is expected (setting akka.remote.dot-netty.tcp.port)")]
    [InlineData("XUC_AKKA_LOGLEVEL", "LOUD", "XUC_AKKA_LOGLEVEL=LOUD: debug or info or warning or error or off is expected (setting akka.loglevel)")]
    [InlineData("XUC_SBR_STABLE_AFTER", "soon", "XUC_SBR_STABLE_AFTER=soon: a duration such as 5s, 500ms or 2m is expected (setting akka.cluster.split-brain-resolver.stable-after)")]
    public void The_akka_settings_are_checked_the_same_way(string env, string value, string expected)
    {
        var e = Assert.Throws<SettingError>(() => XucSettings.CheckAkka(HoconLoader.Load(environment: n => n == env ? value : null)));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void The_new_ami_timings_have_their_defaults_and_accept_overrides()
    {
        var d = XucSettings.From(HoconLoader.Load()).Ami;
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)), (d.ReconnectMax, d.PingInterval, d.PingTimeout));
        var env = new Dictionary<string, string> { ["XUC_AMI_RECONNECT_MAX"] = "2s", ["XUC_AMI_PING_INTERVAL"] = "3s", ["XUC_AMI_PING_TIMEOUT"] = "1500ms", ["XUC_AMI_AUTH"] = "PLAIN" };
        var s = XucSettings.From(HoconLoader.Load(environment: n => env.GetValueOrDefault(n))).Ami;
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(1500), false), (s.ReconnectMax, s.PingInterval, s.PingTimeout, s.UseMd5));
    }

    [Theory]
    [InlineData("Host=db;Username=xuc;Password=s3cret;Database=xuc", "Host=db;Username=xuc;Password=***;Database=xuc")]
    [InlineData("host=db;PWD = 'a;b' ;x=1", "host=db;PWD=*** ;x=1")]
    [InlineData("garbage password=abc=def", "garbage password=***")]
    public void A_connection_string_is_shown_with_its_password_masked(string cs, string shown)
        => Assert.Equal(shown, Xuc.Host.Startup.DatabaseStartup.Mask(cs));

    [Fact]
    public void The_simulator_event_level_is_realistic_unless_set_minimal_and_a_bad_value_is_refused_by_name()
    {
        Assert.True(XucSettings.From(HoconLoader.Load()).Ami.SimulatorRealisticEvents);
        var minimal = HoconLoader.Load(environment: n => n == "XUC_PBXSIM_EVENTS" ? "minimal" : null);
        Assert.False(XucSettings.From(minimal).Ami.SimulatorRealisticEvents);
        var e = Assert.Throws<SettingError>(() => XucSettings.From(HoconLoader.Load("xuc.ami.simulator-events = loud")));
        Assert.Equal("XUC_PBXSIM_EVENTS=loud: realistic or minimal is expected (setting xuc.ami.simulator-events)", e.Message);
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
