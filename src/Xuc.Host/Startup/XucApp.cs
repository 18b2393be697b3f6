using System.Net;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Sessions;
using Xuc.Host.Admin;
using Xuc.Host.Auth;
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

    public static async Task<XucApp> StartAsync(string? hoconOverrides = null, Func<string, string?>? environment = null, Action<string>? print = null)
    {
        var hocon = HoconLoader.Load(hoconOverrides, environment);
        var settings = XucSettings.From(hocon);
        var bodyLimits = BodyLimits.From(hocon);
        var sessions = SessionSettings.From(hocon);
        Directory.CreateDirectory(settings.DataDir);
        var recorder = AmiWiring.OpenRecorder(settings.Ami);

        var store = new ConfigStore(new ConfigStoreOptions { Provider = settings.IsPostgres ? "postgres" : "sqlite", ConnectionString = settings.EffectiveConnectionString });
        await store.MigrateAsync();
        if (settings.SeedDemo) await store.SeedIfEmptyAsync(DemoDataset.Create());
        var snapshot = await store.LoadAsync();
        var directory = EntityConfigDirectory.From(snapshot);

        PbxSimulator? simulator = null;
        Xuc.PbxSim.Control.ControlServer? control = null;
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

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls($"http://{(settings.HttpBind == "0.0.0.0" ? "0.0.0.0" : settings.HttpBind)}:{settings.HttpPort}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = bodyLimits.KestrelCap);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(bodyLimits);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new Readiness { ConfigLoaded = true });
        builder.Services.AddSingleton(new TokenService(TokenService.ResolveKey(settings.TokenSecret, settings.DataDir), settings.TokenTtl));
        builder.Services.AddSingleton<IUserAuthenticator, ConfigStoreAuthenticator>();
        builder.Services.AddSingleton(sessions).AddXucAuthentication();
        builder.Services.AddAkka(AkkaWiring.SystemName, b => b
            .WithXucEntities(hocon, settings.DbProvider, settings.EffectiveConnectionString, directory)
            .WithAmiConnection(settings.Ami, recorder)
            .WithConfigChanges(store, directory)
            .WithCtiSessions(sessions, new StoreSessionDirectory(store)));

        var web = builder.Build();
        web.UseUnhandledErrors();
        web.UseWebSockets().UseAuthentication().UseAuthorization();
        web.MapAuthEndpoints();
        web.MapHealthEndpoints();
        web.MapAdminEndpoints();
        web.MapCtiWebSocket();
        await web.StartAsync();

        var app = new XucApp { Web = web, Settings = settings, Store = store, Simulator = simulator, SimulatorControl = control, Recorder = recorder };
        print?.Invoke(Banner(app));
        return app;
    }

    private static string Banner(XucApp app)
    {
        var lines = new List<string>
        {
            $"Xuc is listening on {app.BaseAddress} (REST /xuc/api/2.0)",
            app.Simulator is null
                ? $"AMI: {app.Settings.Ami.Host}:{app.Settings.Ami.Port}"
                : $"AMI: bundled PBX simulator on 127.0.0.1:{app.Simulator.Port}" + (app.SimulatorControl is null ? ""
                    : $"; make calls with its control API, e.g. curl -XPOST 'http://127.0.0.1:{app.Settings.Ami.SimulatorControlPort}/dial?from=1001&to=1002'"),
            $"Database: {app.Settings.DbProvider}",
        };
        if (app.Recorder is not null) lines.Add($"AMI recording to {Path.GetFullPath(app.Recorder.Path)} (XUC_AMI_RECORD)");
        if (app.Settings.SeedDemo)
        {
            lines.Add("Demo logins (login / password / role):");
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
