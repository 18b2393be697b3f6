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
    public bool SeedDemo { get; init; } = true;
    public AmiSettings Ami { get; init; } = new();
    public string TokenSecret { get; init; } = "";
    public TimeSpan TokenTtl { get; init; } = TimeSpan.FromHours(1);

    public bool IsPostgres => DbProvider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
                              || DbProvider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string actually used: for SQLite an empty setting means data-dir/xuc.db.</summary>
    public string EffectiveConnectionString => !string.IsNullOrWhiteSpace(DbConnectionString)
        ? DbConnectionString
        : $"Data Source={Path.Combine(Path.GetFullPath(DataDir), "xuc.db")}";

    public static XucSettings From(Config config)
    {
        var x = config.GetConfig("xuc") ?? throw new InvalidOperationException("the xuc section is missing from the HOCON configuration");
        var provider = x.GetString("database.provider", "sqlite");
        if (provider is not ("sqlite" or "postgres" or "postgresql"))
            throw new InvalidOperationException($"xuc.database.provider (XUC_DB_PROVIDER) must be sqlite or postgres, not '{provider}'");
        var simEvents = x.GetString("ami.simulator-events", "realistic").ToLowerInvariant();
        if (simEvents is not ("realistic" or "minimal"))
            throw new InvalidOperationException($"xuc.ami.simulator-events (XUC_PBXSIM_EVENTS) must be realistic or minimal, not '{simEvents}'");
        return new XucSettings
        {
            HttpPort = x.GetInt("http.port", 8090),
            HttpBind = x.GetString("http.bind", "0.0.0.0"),
            DataDir = x.GetString("data-dir", "data"),
            DbProvider = provider,
            DbConnectionString = x.GetString("database.connection-string", ""),
            SeedDemo = x.GetBoolean("database.seed-demo", true),
            Ami = new AmiSettings
            {
                EmbeddedSimulator = x.GetBoolean("ami.embedded-simulator", true),
                SimulatorControlPort = x.GetInt("ami.simulator-control-port", 5039),
                SimulatorRealisticEvents = simEvents == "realistic",
                Host = x.GetString("ami.host", "127.0.0.1"),
                Port = x.GetInt("ami.port", 5038),
                Username = x.GetString("ami.username", "xuc"),
                Secret = x.GetString("ami.secret", "xucpass"),
                UseMd5 = !x.GetString("ami.auth", "md5").Equals("plain", StringComparison.OrdinalIgnoreCase),
                PingInterval = x.GetTimeSpan("ami.ping-interval", TimeSpan.FromSeconds(20)),
                ActionTimeout = x.GetTimeSpan("ami.action-timeout", TimeSpan.FromSeconds(10)),
            },
            TokenSecret = x.GetString("auth.token-secret", ""),
            TokenTtl = x.GetTimeSpan("auth.token-ttl", TimeSpan.FromHours(1)),
        };
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
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
