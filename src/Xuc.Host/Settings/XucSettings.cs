using Akka.Configuration;

namespace Xuc.Host.Settings;

/// <summary>Typed view of the <c>xuc</c> HOCON section (hocon/xuc.conf), every value overridable by XUC_* variables.</summary>
public sealed record XucSettings
{
    public int HttpPort { get; init; } = 8090;
    public string HttpBind { get; init; } = "0.0.0.0";
    public string DataDir { get; init; } = "data";
    public string DbProvider { get; init; } = "sqlite";
    public string DbConnectionString { get; init; } = "";
    public TimeSpan DbStartupTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public bool SeedDemo { get; init; } = true;
    public AmiSettings Ami { get; init; } = new();
    public string TokenSecret { get; init; } = "";
    public TimeSpan TokenTtl { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan TokenMaxLife { get; init; } = TimeSpan.FromHours(12);
    /// <summary>Start with a real PBX although the demo would be seeded or an admin has a default password (a lab only).</summary>
    public bool AllowDefaultPasswords { get; init; }

    public bool IsPostgres => DbProvider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
                              || DbProvider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string actually used: for SQLite an empty setting means data-dir/xuc.db.</summary>
    public string EffectiveConnectionString => !string.IsNullOrWhiteSpace(DbConnectionString)
        ? DbConnectionString
        : $"Data Source={Path.Combine(Path.GetFullPath(DataDir), "xuc.db")}";

    /// <summary>The typed settings; a value out of range is a <see cref="SettingError"/> naming its variable.</summary>
    public static XucSettings From(Config config)
    {
        var x = config.GetConfig("xuc") ?? throw new InvalidOperationException("the xuc section is missing from the HOCON configuration");
        var r = new SettingsReader(x, "xuc.");
        var embedded = r.Flag("ami.embedded-simulator", "XUC_AMI_EMBEDDED", true);
        return new XucSettings
        {
            HttpPort = r.Port("http.port", "XUC_HTTP_PORT", 8090),
            HttpBind = r.NonEmpty("http.bind", "XUC_HTTP_BIND", "0.0.0.0"),
            DataDir = r.NonEmpty("data-dir", "XUC_DATA_DIR", "data"),
            DbProvider = r.OneOf("database.provider", "XUC_DB_PROVIDER", "sqlite", "sqlite", "postgres", "postgresql"),
            DbConnectionString = r.Text("database.connection-string", ""),
            DbStartupTimeout = r.Duration("database.startup-timeout", "XUC_DB_STARTUP_TIMEOUT", TimeSpan.FromSeconds(30), allowZero: true),
            SeedDemo = r.Flag("database.seed-demo", "XUC_SEED_DEMO", true),
            Ami = new AmiSettings
            {
                EmbeddedSimulator = embedded,
                SimulatorControlPort = r.Port("ami.simulator-control-port", "XUC_PBXSIM_CONTROL_PORT", 5039),
                SimulatorRealisticEvents = r.OneOf("ami.simulator-events", "XUC_PBXSIM_EVENTS", "realistic", "realistic", "minimal") == "realistic",
                Host = r.NonEmpty("ami.host", "XUC_AMI_HOST", "127.0.0.1"),
                // Port 0 only makes sense for the embedded simulator (any free port).
                Port = r.Port("ami.port", "XUC_AMI_PORT", 5038, allowAny: embedded),
                Username = r.NonEmpty("ami.username", "XUC_AMI_USER", "xuc"),
                Secret = r.Text("ami.secret", "xucpass"),
                UseMd5 = r.OneOf("ami.auth", "XUC_AMI_AUTH", "md5", "plain", "md5") == "md5",
                PingInterval = r.Duration("ami.ping-interval", "XUC_AMI_PING_INTERVAL", TimeSpan.FromSeconds(10)),
                PingTimeout = r.Duration("ami.ping-timeout", "XUC_AMI_PING_TIMEOUT", TimeSpan.FromSeconds(5)),
                ActionTimeout = r.Duration("ami.action-timeout", "XUC_AMI_ACTION_TIMEOUT", TimeSpan.FromSeconds(10)),
                ReconnectMax = r.Duration("ami.reconnect-max", "XUC_AMI_RECONNECT_MAX", TimeSpan.FromSeconds(5)),
                RecordFile = r.Text("ami.record", ""),
            },
            TokenSecret = r.Text("auth.token-secret", ""),
            TokenTtl = r.Duration("auth.token-ttl", "XUC_TOKEN_TTL", TimeSpan.FromHours(1)),
            TokenMaxLife = r.Duration("auth.token-max-life", "XUC_TOKEN_MAX_LIFE", TimeSpan.FromHours(12)),
            AllowDefaultPasswords = r.Flag("auth.allow-default-passwords", "XUC_ALLOW_DEFAULT_PASSWORDS", false),
        };
    }

    /// <summary>The Akka settings an operator sets through XUC_AKKA_*, checked the same way.</summary>
    public static void CheckAkka(Config config)
    {
        var r = new SettingsReader(config.GetConfig("akka") ?? Config.Empty, "akka.");
        r.Port("remote.dot-netty.tcp.port", "XUC_AKKA_PORT", 4053);
        r.NonEmpty("remote.dot-netty.tcp.hostname", "XUC_AKKA_HOSTNAME", "127.0.0.1");
        r.OneOf("loglevel", "XUC_AKKA_LOGLEVEL", "info", "debug", "info", "warning", "error", "off");
        r.Duration("cluster.split-brain-resolver.stable-after", "XUC_SBR_STABLE_AFTER", TimeSpan.FromSeconds(3));
        r.Duration("cluster.failure-detector.heartbeat-interval", "XUC_AKKA_HEARTBEAT_INTERVAL", TimeSpan.FromMilliseconds(500));
        r.Duration("cluster.failure-detector.acceptable-heartbeat-pause", "XUC_AKKA_HEARTBEAT_PAUSE", TimeSpan.FromSeconds(2));
        r.Duration("cluster.down-removal-margin", "XUC_AKKA_DOWN_REMOVAL_MARGIN", TimeSpan.FromSeconds(1));
    }
}

public sealed record AmiSettings
{
    public bool EmbeddedSimulator { get; init; } = true;
    public int SimulatorControlPort { get; init; } = 5039;
    /// <summary>The embedded simulator sends a real Asterisk 18's volume (Newexten, VarSet…), or only the minimal events.</summary>
    public bool SimulatorRealisticEvents { get; init; } = true;
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 5038;
    public string Username { get; init; } = "xuc";
    public string Secret { get; init; } = "xucpass";
    public bool UseMd5 { get; init; } = true;
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Where to record the received AMI stream (docs/pbxsim.md, "Record and replay"); empty = no recording.</summary>
    public string RecordFile { get; init; } = "";
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(5);
}
