using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Routing;
using Xuc.PbxSim;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Phone services, status actions and voicemail (docs/cti-websocket.md) over real WebSockets against the whole server
/// and its PBX simulator. Each test has its own demo users; a bystander's "nothing arrived" is proven by the answer to
/// a later ping being its next frame.
/// </summary>
public sealed class UserServicesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private PbxSimulator Sim => Server.App.Simulator!;
    private const string Pong = """{"msgType":"Pong","ctiMessage":{}}""";

    /// <summary>A demo user's session (password = login) past its connect sequence (8 frames for a user with a line).</summary>
    private async Task<CtiClient> Connected(string login, int frames = 8)
    {
        var client = await CtiClient.LoginAsync(Server, login, login);
        await client.ReceiveConnectSequenceAsync(Server, login, frames);
        return client;
    }

    /// <summary>
    /// What a session may get on its own time while a test works its user's services: his phone's state (the line's feed
    /// checks it again a few seconds after joining; a DND hint changes it) and his agent's state. Anything else before the
    /// frame a test waits for fails it.
    /// </summary>
    private static readonly string[] OwnTime = ["PhoneStatusUpdate", "AgentStateEvent"];

    /// <summary>The session's next frame other than those pushed on their own time is <paramref name="expected"/>.</summary>
    private static Task Next(CtiClient session, string expected) => FrameWatch.ExpectAsync(session, expected, OwnTime);

    private static async Task AssertNothingElse(params CtiClient[] sessions)
    {
        foreach (var session in sessions)
        {
            await session.SendAsync("""{"claz":"ping"}""");
            await Next(session, Pong);
        }
    }

    private string? AstDb(string family, string key) => Sim.Model.Locked(() => Sim.Model.DbGet(family, key));

    /// <summary>The reference's UserConfigUpdate for demo user <paramref name="id"/> (agent and line of the same number).</summary>
    private static string ConfigUpdate(int id, string first, string last, bool dnd = false, bool na = false, string naTo = "", bool unc = false, string uncTo = "",
        bool busy = false, string busyTo = "")
        => $$$"""{"msgType":"UserConfigUpdate","ctiMessage":{"userId":{{{id}}},"dndEnabled":{{{J(dnd)}}},"naFwdEnabled":{{{J(na)}}},"naFwdDestination":"{{{naTo}}}","uncFwdEnabled":{{{J(unc)}}},"uncFwdDestination":"{{{uncTo}}}","busyFwdEnabled":{{{J(busy)}}},"busyFwdDestination":"{{{busyTo}}}","firstName":"{{{first}}}","lastName":"{{{last}}}","fullName":"{{{first}}} {{{last}}}","mobileNumber":"06123400{{{id:00}}}","agentId":{{{id}}},"lineIds":[{{{id}}}],"voiceMailId":{{{id}}},"voiceMailEnabled":true}}""";

    private static string J(bool b) => b ? "true" : "false";

    [Fact]
    public async Task Dnd_and_each_forward_are_written_to_the_astdb_and_reach_both_of_the_users_sessions_and_no_one_else()
    {
        await using var desktop = await Connected("qboothroyd");
        await using var wallboard = await Connected("qboothroyd");
        await using var bystander = await Connected("fleiter");

        async Task Step(string command, string expected)
        {
            await desktop.SendAsync(command);
            await Next(desktop, expected);
            await Next(wallboard, expected);
            await AssertNothingElse(bystander);
        }

        await Step("""{"claz":"web","command":"dnd","state":true}""", ConfigUpdate(3, "Q", "Boothroyd", dnd: true));
        Assert.Equal("YES", AstDb("DND", "1003"));
        await Step("""{"claz":"web","command":"naFwd","state":true,"destination":"1002"}""", ConfigUpdate(3, "Q", "Boothroyd", dnd: true, na: true, naTo: "1002"));
        Assert.Equal("1002", AstDb("CFU", "1003"));
        await Step("""{"claz":"web","command":"uncFwd","state":true,"destination":"+33612345678"}""",
            ConfigUpdate(3, "Q", "Boothroyd", dnd: true, na: true, naTo: "1002", unc: true, uncTo: "+33612345678"));
        Assert.Equal("+33612345678", AstDb("CF", "1003"));
        await Step("""{"claz":"web","command":"busyFwd","state":true,"destination":"*97"}""",
            ConfigUpdate(3, "Q", "Boothroyd", dnd: true, na: true, naTo: "1002", unc: true, uncTo: "+33612345678", busy: true, busyTo: "*97"));
        Assert.Equal("*97", AstDb("CFB", "1003"));

        // Off: the PBX's entry is emptied, the stored destination kept for the client to show.
        await Step("""{"claz":"web","command":"uncFwd","state":false,"destination":"+33612345678"}""",
            ConfigUpdate(3, "Q", "Boothroyd", dnd: true, na: true, naTo: "1002", uncTo: "+33612345678", busy: true, busyTo: "*97"));
        Assert.Equal("", AstDb("CF", "1003"));
        await Step("""{"claz":"web","command":"dnd","state":false}""",
            ConfigUpdate(3, "Q", "Boothroyd", na: true, naTo: "1002", uncTo: "+33612345678", busy: true, busyTo: "*97"));
        Assert.Equal("", AstDb("DND", "1003"));
        Assert.Equal(new PhoneServices { NaFwdEnabled = true, NaFwdDestination = "1002", UncFwdDestination = "+33612345678", BusyFwdEnabled = true, BusyFwdDestination = "*97" },
            (await Server.App.Store.FindUserByLoginAsync("qboothroyd"))!.Services);
        await AssertNothingElse(desktop, wallboard);
    }

    [Fact]
    public async Task A_refused_or_invalid_setting_changes_nothing_and_tells_only_the_session_that_asked()
    {
        await using var desktop = await Connected("bmawdsley");
        await using var wallboard = await Connected("bmawdsley");
        await using var noLine = await Connected("admin", frames: 6);
        async Task Refused(CtiClient session, string command, string error)
        {
            await session.SendAsync(command);
            await Next(session, error);
        }

        Sim.Faults.AstDbReadOnly = true;
        try
        {
            await Refused(desktop, """{"claz":"web","command":"dnd","state":true}""",
                """{"msgType":"Error","ctiMessage":{"Error":"PbxRefused","message":"dnd: the PBX refused DBPut: Failed to update entry"}}""");
        }
        finally
        {
            Sim.Faults.AstDbReadOnly = false;
        }
        await Refused(desktop, """{"claz":"web","command":"naFwd","state":true,"destination":""}""",
            """{"msgType":"Error","ctiMessage":{"Error":"InvalidArgument","message":"naFwd: a destination is required to enable a forward"}}""");
        await Refused(desktop, """{"claz":"web","command":"uncFwd","state":true}""",
            """{"msgType":"Error","ctiMessage":{"Error":"InvalidArgument","message":"uncFwd: a destination is required to enable a forward"}}""");
        await Refused(desktop, """{"claz":"web","command":"busyFwd","state":true,"destination":"sales desk"}""",
            """{"msgType":"Error","ctiMessage":{"Error":"InvalidArgument","message":"busyFwd: 'sales desk' is not a dialable number (digits, *, #, +)"}}""");
        await Refused(desktop, $$"""{"claz":"web","command":"uncFwd","state":false,"destination":"{{new string('5', 33)}}"}""",
            $$$"""{"msgType":"Error","ctiMessage":{"Error":"InvalidArgument","message":"uncFwd: '{{{new string('5', 33)}}}' is longer than 32 characters"}}""");
        await Refused(desktop, """{"claz":"web","command":"dnd","state":"yes"}""",
            """{"msgType":"Error","ctiMessage":{"Error":"InvalidArgument","message":"dnd: 'state' must be boolean, not string"}}""");
        await Refused(noLine, """{"claz":"web","command":"dnd","state":true}""",
            """{"msgType":"Error","ctiMessage":{"Error":"NoLine","message":"dnd: the user has no line to apply it to"}}""");

        await AssertNothingElse(desktop, wallboard, noLine);
        Assert.Equal(PhoneServices.Off, (await Server.App.Store.FindUserByLoginAsync("bmawdsley"))!.Services);
        Assert.Equal(PhoneServices.Off, (await Server.App.Store.FindUserByLoginAsync("admin"))!.Services);
        Assert.All(new[] { "DND", "CFU", "CF", "CFB" }, family => Assert.Null(AstDb(family, "1005")));
    }

    [Fact]
    public async Task A_status_with_actions_pauses_the_logged_agent_in_his_queues_and_switches_dnd()
    {
        await Server.App.Store.UpsertAsync(ConfigKinds.UserStatus, new UserStatus
            { Name = "lunch-break", Color = "#00AA00", LongName = "Lunch break", Actions = [StatusActions.PauseAgent, StatusActions.EnableDnd] });
        await Server.App.Store.UpsertAsync(ConfigKinds.UserStatus, new UserStatus
            { Name = "back-at-desk", Color = "#00AA01", LongName = "Back at desk", Actions = [StatusActions.UnpauseAgent, StatusActions.DisableDnd] });
        var agents = Server.App.Web.Services.GetRequiredService<IActorRegistry>().Get<AgentRegion>();
        Assert.True((await agents.Ask<AgentCommandResult>(new LoginAgent("6", "1006", "PJSIP/1006"), CtiClient.Patience)).Ok);
        Assert.Null(Sim.Model.AddMember("billing", "PJSIP/1006", "Vesper Lynd"));
        Assert.Null(Sim.Model.AddMember("sales", "PJSIP/1006", "Vesper Lynd"));
        await using var desktop = await Connected("vlynd");
        await using var wallboard = await Connected("vlynd");
        (bool Paused, string Reason)[] Membership() => Sim.Model.Queues.Where(q => q.Name is "billing" or "sales")
            .SelectMany(q => q.Members.Where(m => m.Interface == "PJSIP/1006")).Select(m => (m.Paused, m.PausedReason)).ToArray();

        // The actions run in their order, so the UserConfigUpdate of the DND (the last) comes after the QueuePause's answer.
        // The agent's own AgentStateEvents (his pause, from the PBX's member events) come in between, on their own time.
        await desktop.SendAsync("""{"claz":"web","command":"userStatusUpdate","status":"lunch-break"}""");
        foreach (var session in new[] { desktop, wallboard })
        {
            await Next(session, """{"msgType":"UserStatusUpdate","ctiMessage":{"status":"lunch-break"}}""");
            await Next(session, ConfigUpdate(6, "Vesper", "Lynd", dnd: true));
        }
        Assert.Equal([(true, "lunch-break"), (true, "lunch-break")], Membership());
        Assert.Equal("YES", AstDb("DND", "1006"));

        await wallboard.SendAsync("""{"claz":"web","command":"userStatusUpdate","status":"back-at-desk"}""");
        foreach (var session in new[] { desktop, wallboard })
        {
            await Next(session, """{"msgType":"UserStatusUpdate","ctiMessage":{"status":"back-at-desk"}}""");
            await Next(session, ConfigUpdate(6, "Vesper", "Lynd"));
        }
        Assert.Equal([(false, ""), (false, "")], Membership());
        Assert.Equal("", AstDb("DND", "1006"));
        foreach (var session in new[] { desktop, wallboard })
        {
            await session.SendAsync("""{"claz":"ping"}""");
            await Next(session, Pong);
        }
    }

    [Fact]
    public async Task Mailbox_counts_reach_the_users_sessions_only_and_a_new_session_gets_them_on_connect()
    {
        await using var desktop = await CtiClient.LoginAsync(Server, "ctrevelyan", "ctrevelyan");
        Assert.Equal("""{"msgType":"VoiceMailStatusUpdate","ctiMessage":{"voiceMailId":7,"newMessages":0,"waitingMessages":0,"oldMessages":0}}""",
            (await desktop.ReceiveManyAsync(9))[7]); // the 9th: the agent's AgentStateEvent
        await using var wallboard = await Connected("ctrevelyan");
        await using var bystander = await Connected("nwade");

        Sim.Model.SetMailbox("1007", 2, 1);
        const string counts = """{"msgType":"VoiceMailStatusUpdate","ctiMessage":{"voiceMailId":7,"newMessages":2,"waitingMessages":1,"oldMessages":1}}""";
        await Next(desktop, counts);
        await Next(wallboard, counts);
        await AssertNothingElse(bystander);

        await using var late = await CtiClient.LoginAsync(Server, "ctrevelyan", "ctrevelyan");
        Assert.Equal(counts, (await late.ReceiveManyAsync(9))[7]);

        Sim.Model.SetMailbox("1007", 0, 3);
        const string read = """{"msgType":"VoiceMailStatusUpdate","ctiMessage":{"voiceMailId":7,"newMessages":0,"waitingMessages":0,"oldMessages":3}}""";
        foreach (var session in new[] { desktop, wallboard, late }) await Next(session, read);
        await AssertNothingElse(bystander, desktop);
    }

    [Fact]
    public async Task An_administrators_change_of_the_services_reaches_the_pbx_and_the_users_sessions()
    {
        await using var desktop = await Connected("zgrishenko");
        var token = await CtiClient.TokenAsync(Server, "admin", "admin");
        async Task<HttpResponseMessage> Send(HttpMethod method, string? body = null)
        {
            var request = new HttpRequestMessage(method, "/xuc/api/2.0/config/user/9");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            return await Server.Http.SendAsync(request);
        }

        var user = JObject.Parse(await (await Send(HttpMethod.Get)).Content.ReadAsStringAsync());
        Assert.Equal("""{"dndEnabled":false,"naFwdEnabled":false,"naFwdDestination":"","uncFwdEnabled":false,"uncFwdDestination":"","busyFwdEnabled":false,"busyFwdDestination":""}""",
            user["services"]!.ToString(Newtonsoft.Json.Formatting.None));
        user["services"] = JObject.Parse("""{"dndEnabled":true,"uncFwdEnabled":true,"uncFwdDestination":"3000"}""");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Put, user.ToString())).StatusCode);

        await Next(desktop, ConfigUpdate(9, "Boris", "Grishenko", dnd: true, unc: true, uncTo: "3000"));
        await Wait.Until(() => Task.FromResult(AstDb("DND", "1009") == "YES" && AstDb("CF", "1009") == "3000"), CtiClient.Patience, "the PBX has the administrator's change");

        // A name change leaves the services (and the PBX) alone; a bad destination is refused with its field.
        user.Remove("services");
        user["mobileNumber"] = "0612340009";
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Put, user.ToString())).StatusCode);
        user["services"] = JObject.Parse("""{"busyFwdEnabled":true,"busyFwdDestination":"reception"}""");
        var refused = await Send(HttpMethod.Put, user.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["user 9: services busyFwdDestination: 'reception' is not a dialable number (digits, *, #, +)"],
            JObject.Parse(await refused.Content.ReadAsStringAsync())["errors"]!.Values<string>());
        Assert.Equal(new PhoneServices { DndEnabled = true, UncFwdEnabled = true, UncFwdDestination = "3000" },
            (await Server.App.Store.FindUserByLoginAsync("zgrishenko"))!.Services);
        await AssertNothingElse(desktop);
    }

    [Fact]
    public async Task The_services_survive_a_restart_and_the_connect_sequence_shows_them()
    {
        using var dir = new TempDirectory();
        await using (var first = await TestServer.StartInAsync(dir))
        {
            await using var session = await CtiClient.LoginAsync(first, "hgoodhead", "hgoodhead");
            await session.ReceiveManyAsync(9); // 8, then the agent's AgentStateEvent
            await session.SendAsync("""{"claz":"web","command":"dnd","state":true}""");
            await Next(session, ConfigUpdate(10, "Holly", "Goodhead", dnd: true));
            await session.SendAsync("""{"claz":"web","command":"busyFwd","state":true,"destination":"1001"}""");
            await Next(session, ConfigUpdate(10, "Holly", "Goodhead", dnd: true, busy: true, busyTo: "1001"));
        }

        await using var second = await TestServer.StartInAsync(dir);
        await using var again = await CtiClient.LoginAsync(second, "hgoodhead", "hgoodhead");
        Assert.Equal(ConfigUpdate(10, "Holly", "Goodhead", dnd: true, busy: true, busyTo: "1001"), (await again.ReceiveManyAsync(9))[4]);
    }
}
