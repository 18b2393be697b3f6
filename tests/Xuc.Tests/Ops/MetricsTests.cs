using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Ops;

/// <summary>
/// <c>/metrics</c> scraped before and after a scenario on a server of its own (docs/operations.md, "Metrics"): the
/// counters move by what the scenario caused (frames of a session, the AMI events the simulator sent, a reconnect
/// after the simulator drops the link, refused HTTP requests).
/// </summary>
public sealed class MetricsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private PbxSimulator Sim => Server.App.Simulator!;

    private Task<Dictionary<string, double>> Scrape() => CtlRun.ScrapeAsync(Server.Http);

    private static double Of(Dictionary<string, double> series, string name) => series.GetValueOrDefault(name);

    [Fact]
    public async Task FramesAndSessionsOfOneSocket()
    {
        var before = await Scrape();
        await using (var client = await CtiClient.LoginAsync(Server, "fleiter", "fleiter"))
        {
            await client.ReceiveOfTypeAsync("LoggedOn");
            for (var i = 0; i < 3; i++)
            {
                await client.SendAsync("""{"claz":"ping"}""");
                await client.ReceiveOfTypeAsync("Pong");
            }
            var during = await Scrape();
            Assert.Equal(1, Of(during, "xuc_cti_sessions"));
            Assert.Equal(3, Of(during, "xuc_cti_frames_received_total") - Of(before, "xuc_cti_frames_received_total"));
            Assert.True(Of(during, "xuc_cti_frames_sent_total") - Of(before, "xuc_cti_frames_sent_total") >= 8 + 3, "the connect sequence and three Pongs");
        }
        await Wait.Until(async () => Of(await Scrape(), "xuc_cti_sessions") == 0, TimeSpan.FromSeconds(10), "the session gone from the gauge");
    }

    [Fact]
    public async Task AmiEventsCountWhatTheSimulatorSent()
    {
        var seen = new CountingSink();
        await Wait.Until(async () => Of(await Scrape(), "xuc_ami_connected") == 1, TimeSpan.FromSeconds(10), "AMI connected");
        var before = await Scrape();
        Sim.Model.Subscribe(seen);
        Sim.Model.Dial("1011", "1012");
        await Wait.Until(() => Task.FromResult(seen.Count > 0), TimeSpan.FromSeconds(10), "the call's events");
        await Wait.Until(async () => Of(await Scrape(), "xuc_ami_events_total") - Of(before, "xuc_ami_events_total") == seen.Count,
            TimeSpan.FromSeconds(15), $"xuc_ami_events_total moved by the events the simulator sent ({seen.Count})");
        Sim.Model.Unsubscribe(seen);
        var after = await Scrape();
        Assert.True(Of(after, "xuc_ami_action_duration_seconds_count{action=\"QueueStatus\",outcome=\"answered\"}") >= 0);
        Assert.Contains(after.Keys, k => k.StartsWith("xuc_ami_router_mailbox_depth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReconnectAfterTheSimulatorDropsTheLink()
    {
        await Wait.Until(async () => Of(await Scrape(), "xuc_ami_connected") == 1, TimeSpan.FromSeconds(10), "AMI connected");
        var before = await Scrape();
        Sim.DisconnectClients();
        await Wait.Until(async () => Of(await Scrape(), "xuc_ami_reconnects_total") == Of(before, "xuc_ami_reconnects_total") + 1,
            TimeSpan.FromSeconds(30), "one reconnect counted");
        var after = await Scrape();
        Assert.Equal(1, Of(after, "xuc_ami_connected"));
        var status = await CtlRun.RunAsync(Server.App.BaseAddress, await CtiClient.TokenAsync(Server, "admin", "admin"), "ami", "status", "--json");
        Assert.Equal((int)Of(after, "xuc_ami_reconnects_total"), (int)status.Json["reconnects"]!);
        Assert.NotNull((string?)status.Json["lastError"]);
    }

    [Fact]
    public async Task HttpRequestsByRouteAndStatus()
    {
        const string refused = "xuc_http_requests_total{method=\"GET\",route=\"/xuc/api/2.0/ops/ami\",code=\"401\"}";
        var before = await Scrape();
        for (var i = 0; i < 2; i++) await Server.Http.GetAsync("/xuc/api/2.0/ops/ami");
        var after = await Scrape();
        Assert.Equal(2, Of(after, refused) - Of(before, refused));
        Assert.True(Of(after, "xuc_http_request_duration_seconds_count{method=\"GET\",route=\"/xuc/api/2.0/ops/ami\"}") >= 2);
    }

    [Fact]
    public async Task EntitiesPerRegionAndJournalWrites()
    {
        await Wait.Until(async () => Of(await Scrape(), "xuc_sharding_entities{region=\"line\"}") == 12, TimeSpan.FromSeconds(20), "12 line entities");
        var before = await Scrape();
        await using var agent = await CtiClient.LoginAsync(Server, "vlynd", "vlynd");
        await agent.ReceiveOfTypeAsync("LoggedOn");
        await agent.SendAsync(FrameWatch.Command("agentLogin", new { agentphonenumber = "1006" }));
        await FrameWatch.UntilAsync(agent, ("ready", f => FrameWatch.AgentIs(f, 6, "AgentReady")));
        await agent.SendAsync(FrameWatch.Command("agentLogout"));
        await FrameWatch.UntilAsync(agent, ("logged out", f => FrameWatch.AgentIs(f, 6, "AgentLoggedOut")));
        var after = await Scrape();
        Assert.True(Of(after, "xuc_journal_write_duration_seconds_count") - Of(before, "xuc_journal_write_duration_seconds_count") >= 2, "a login and a logout written");
        Assert.True(Of(after, "xuc_ami_action_duration_seconds_count{action=\"QueueAdd\",outcome=\"answered\"}") >= 1);
    }

    private sealed class CountingSink : IAmiEventSink
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void SendEvent(string text) => Interlocked.Increment(ref _count);
    }
}
