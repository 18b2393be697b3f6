using System.Net;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Phone;
using Xuc.Actors.Statistics;
using Xuc.Host.Admin;
using Xuc.Host.Auth;
using Xuc.Host.Diagnostics;
using Xuc.Host.Health;
using Xuc.Host.Http;
using Xuc.Host.Settings;
using Xuc.Host.WebSocket;
using Xuc.PbxSim;

namespace Xuc.Host.Startup;

/// <summary>
/// Builds and starts the whole server: configuration store (migrated, demo-seeded), the embedded PBX simulator
/// when configured, the ActorSystem, and the HTTP endpoints. Program.cs and the end-to-end tests both use it.
/// </summary>
public sealed class XucApp : IAsyncDisposable
{
    public required WebApplication Web { get; init; }
    public required XucSettings Settings { get; init; }
    public required ConfigStore Store { get; init; }
    public PbxSimulator? Simulator { get; init; }
    public Xuc.PbxSim.Control.ControlServer? SimulatorControl { get; init; }
    /// <summary>The AMI stream recorder (<c>XUC_AMI_RECORD</c>), or null.</summary>
    public Xuc.Ami.Recording.AmiRecorder? Recorder { get; init; }

    /// <summary>The address the HTTP server listens on (the real port when 0 was asked).</summary>
    public Uri BaseAddress => new(Web.Urls.First().Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1"));

    /// <param name="clock">The server's clock for the queue statistics (a test moves it by hand); the system's by default.</param>
    public static async Task<XucApp> StartAsync(string? hoconOverrides = null, Func<string, string?>? environment = null, Action<string>? print = null,
        TimeProvider? clock = null)
    {
        var hocon = HoconLoader.Load(hoconOverrides, environment);
        var settings = XucSettings.From(hocon);
        var bodyLimits = BodyLimits.From(hocon);
        var sessions = CtiSettings(hocon);
        var stats = Checked(() => QueueStatsSettings.From(hocon));
        var agentStats = Checked(() => AgentStatsSettings.From(hocon));
        var history = HistorySettings(hocon);
        XucSettings.CheckAkka(hocon);
        // Every listening port is checked before anything starts: a port taken is one line naming its setting.
        PortCheck.EnsureFree(settings.HttpBind, settings.HttpPort, "XUC_HTTP_PORT", "XUC_HTTP_BIND");
        PortCheck.EnsureFree(hocon.GetString("akka.remote.dot-netty.tcp.hostname"), hocon.GetInt("akka.remote.dot-netty.tcp.port"), "XUC_AKKA_PORT", "XUC_AKKA_HOSTNAME");
        if (settings.Ami.EmbeddedSimulator)
        {
            PortCheck.EnsureFree("127.0.0.1", settings.Ami.Port, "XUC_AMI_PORT", "XUC_AMI_HOST");
            PortCheck.EnsureFree("127.0.0.1", settings.Ami.SimulatorControlPort, "XUC_PBXSIM_CONTROL_PORT", "XUC_AMI_HOST");
        }
        try { Directory.CreateDirectory(settings.DataDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingError("XUC_DATA_DIR", "xuc.data-dir", settings.DataDir, "cannot create or use this directory: " + e.Message);
        }

        var recorder = AmiWiring.OpenRecorder(settings.Ami);
        var store = await DatabaseStartup.OpenAsync(settings, print);
        PbxSimulator? simulator = null;
        Xuc.PbxSim.Control.ControlServer? control = null;
        try
        {
            await ProductionGuard.CheckAsync(settings, store);
            var seeded = settings.SeedDemo && await store.SeedIfEmptyAsync(DemoDataset.Create());
            var snapshot = await store.LoadAsync();
            var directory = EntityConfigDirectory.From(snapshot);

            if (settings.Ami.EmbeddedSimulator)
            {
                simulator = await EmbeddedSimulator.StartAsync(settings.Ami, snapshot);
                settings = settings with { Ami = settings.Ami with { Host = "127.0.0.1", Port = simulator.Port } };
                if (settings.Ami.SimulatorControlPort > 0)
                {
                    control = new Xuc.PbxSim.Control.ControlServer(simulator, settings.Ami.SimulatorControlPort);
                    control.Start();
                }
            }
            var web = await StartWebAsync(settings, bodyLimits, sessions, store, hocon, directory, recorder, history, stats, agentStats, clock ?? TimeProvider.System);
            var app = new XucApp { Web = web, Settings = settings, Store = store, Simulator = simulator, SimulatorControl = control, Recorder = recorder };
            print?.Invoke(Banner(app, seeded));
            return app;
        }
        catch
        {
            if (control is not null) await control.DisposeAsync();
            if (simulator is not null) await simulator.DisposeAsync();
            store.Dispose();
            recorder?.Dispose();
            throw;
        }
    }

    /// <summary>The CTI session settings; a bad one is a bad setting (one line, exit 2) like the others.</summary>
    private static SessionSettings CtiSettings(Akka.Configuration.Config hocon) => Checked(() => SessionSettings.From(hocon));

    private static T Checked<T>(Func<T> read)
    {
        try { return read(); }
        catch (InvalidOperationException e) { throw new StartupError(StartupError.BadSetting, e.Message, e); }
    }

    private static Xuc.Actors.History.CallHistorySettings HistorySettings(Akka.Configuration.Config hocon) => Checked(() => Xuc.Actors.History.CallHistorySettings.From(hocon));

    private static async Task<WebApplication> StartWebAsync(XucSettings settings, BodyLimits bodyLimits, SessionSettings sessions, ConfigStore store, Akka.Configuration.Config hocon, EntityConfigDirectory directory, Xuc.Ami.Recording.AmiRecorder? recorder, Xuc.Actors.History.CallHistorySettings history, QueueStatsSettings stats, AgentStatsSettings agentStats, TimeProvider clock)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls($"http://{(settings.HttpBind == "0.0.0.0" ? "0.0.0.0" : settings.HttpBind)}:{settings.HttpPort}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = bodyLimits.KestrelCap);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // Request start/finish lines are Information and never shown; with the category on, every request (each CTI
        // socket's upgrade for as long as it lives) would also carry an Activity and a logging scope (~0.5 KiB a session).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(bodyLimits);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new Readiness { ConfigLoaded = true });
        builder.Services.AddSingleton(new TokenService(TokenService.ResolveKey(settings.TokenSecret, settings.DataDir), settings.TokenTtl, maxLife: settings.TokenMaxLife));
        builder.Services.AddSingleton<IUserAuthenticator, ConfigStoreAuthenticator>();
        builder.Services.AddSingleton(sessions).AddXucAuthentication();
        builder.Services.AddAkka(AkkaWiring.SystemName, b => b
            .WithXucEntities(hocon, settings.DbProvider, settings.EffectiveConnectionString, directory, stats, clock, agentStats)
            .WithCallHistory(settings, store, history)
            .WithAmiConnection(settings.Ami, recorder)
            .WithConfigChanges(store, directory)
            .WithUserServices(store)
            .WithMembership(store, directory)
            .WithCtiSessions(sessions, new StoreSessionDirectory(store), new StorePhoneDirectory(store), directory, UserServicesWiring.Desk(store))
            .WithQueueFeeds(directory, stats, clock)
            .WithAgentStatsFeed(directory)
            .WithListsAndAgentFeeds(store, directory));

        var web = builder.Build();
        web.UseUnhandledErrors();
        web.UseWebPages();
        web.UseCtiWebSocket().UseAuthentication().UseAuthorization();
        web.MapAuthEndpoints();
        web.MapHealthEndpoints();
        web.MapAdminEndpoints();
        web.MapDiagnosticsEndpoints();
        try
        {
            await web.StartAsync();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Taken between the check and now.
            await web.DisposeAsync();
            throw new StartupError(StartupError.PortInUse, $"XUC_HTTP_PORT={settings.HttpPort}: the port is already in use on {settings.HttpBind}", e);
        }
        return web;
    }

    private static string Banner(XucApp app, bool seeded)
    {
        var bind = app.Settings.HttpBind;
        var listening = bind is "0.0.0.0" or "*" or "+"
            ? $"Xuc is listening on {bind}:{app.BaseAddress.Port} (every interface; from this machine {app.BaseAddress})"
            : $"Xuc is listening on {app.BaseAddress}";
        var lines = new List<string>
        {
            listening + " (REST /xuc/api/2.0)",
            app.Simulator is null
                ? $"AMI: {app.Settings.Ami.Host}:{app.Settings.Ami.Port}"
                : $"AMI: bundled PBX simulator on 127.0.0.1:{app.Simulator.Port}" + (app.SimulatorControl is null ? ""
                    : $"; make calls with its control API, e.g. curl -XPOST 'http://127.0.0.1:{app.Settings.Ami.SimulatorControlPort}/dial?from=1001&to=1002'"),
            $"Database: {app.Settings.DbProvider}",
        };
        if (ProductionGuard.Warning(app.Settings, seeded) is { } warning) lines.Add(warning);
        if (app.Recorder is not null) lines.Add($"AMI recording to {Path.GetFullPath(app.Recorder.Path)} (XUC_AMI_RECORD)");
        // The demo passwords only when this start seeded them into an empty store: later they may have been changed.
        if (seeded)
        {
            lines.Add("Demo logins, seeded into the empty store (login / password / role):");
            lines.AddRange(DemoDataset.Logins.Select(l => $"  {l.Login,-10} {l.Password,-12} {l.Role}"));
        }
        return string.Join(Environment.NewLine, lines);
    }

    public async ValueTask DisposeAsync()
    {
        await Web.StopAsync(TimeSpan.FromSeconds(20));
        await Web.DisposeAsync();
        if (SimulatorControl is not null) await SimulatorControl.DisposeAsync();
        if (Simulator is not null) await Simulator.DisposeAsync();
        Recorder?.Dispose();
        Store.Dispose();
    }
}
