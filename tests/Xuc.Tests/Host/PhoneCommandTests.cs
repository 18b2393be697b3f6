using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Phone commands over a real WebSocket against the whole server and its bundled PbxSim (demo users: jbond has line
/// 1001, mmoneypenny 1002, qboothroyd 1003, fleiter 1004): each command's AMI actions as the simulator received them
/// (compared whole, ActionID aside), their effect on the simulated PBX, and the Error of a refused one.
/// </summary>
public sealed class PhoneCommandTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private sealed class Pbx(TestServer server, PbxSimulator sim, IActorRef lines) : IAsyncDisposable
    {
        public TestServer Server { get; } = server;
        public PbxSimulator Sim { get; } = sim;
        public PbxModel Model => Sim.Model;
        private int _seen;

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();

        /// <summary>Waits until the line entity shows what the test needs (a command reads the line's state).</summary>
        public async Task<LineSnapshot> Line(string exten, Func<LineSnapshot, bool> done, string what)
        {
            LineSnapshot last = null!;
            await Wait.Until(async () => done(last = await lines.Ask<LineSnapshot>(new GetLineState("PJSIP/" + exten), TimeSpan.FromSeconds(5))), Within, what);
            return last;
        }

        /// <summary>The actions received since the last call, up to and including the one named, each as "Header: value" lines without ActionID.</summary>
        public async Task<List<List<string>>> ActionsUpTo(string name)
        {
            List<List<string>> found = [];
            await Wait.Until(() =>
            {
                var all = Sim.ReceivedActions.Select((a, i) => (Action: a, Index: i)).Skip(_seen).Where(x => !ServersOwn(x.Action.Action)).ToList();
                var at = all.FindIndex(x => x.Action.Action == name);
                if (at < 0) return Task.FromResult(false);
                _seen = all[at].Index + 1;
                found = all.Take(at + 1).Select(x => x.Action.Headers.Where(h => h.Key != "ActionID").Select(h => $"{h.Key}: {h.Value}").ToList()).ToList();
                return Task.FromResult(true);
            }, Within, $"the PBX receives {name}");
            return found;
        }

        /// <summary>The actions received since the last call (those the server sends on its own left out).</summary>
        public List<string> ActionNamesSinceLast() => Sim.ReceivedActions.Skip(_seen).Select(a => a.Action).Where(a => !ServersOwn(a)).ToList();

        /// <summary>What the server sends on its own, not for a phone command: its keepalive, a session set-up's voicemail count.</summary>
        private static bool ServersOwn(string action) => action is "Ping" or "MailboxCount";

        public SimChannel Channel(string prefix, string suffix = "") => Model.Locked(() => Model.Channels.Single(c => c.Name.StartsWith(prefix) && c.Name.EndsWith(suffix)));
        public SimChannel? MaybeChannel(string prefix) => Model.Locked(() => Model.Channels.SingleOrDefault(c => c.Name.StartsWith(prefix)));
    }

    private static async Task<Pbx> StartAsync()
    {
        var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!;
        sim.Model.SetAllEndpointsBehaviour(EndpointBehaviour.Manual, TimeSpan.Zero);
        var lines = await server.App.Web.Services.GetRequiredService<IActorRegistry>().GetAsync<LineRegion>();
        await Wait.Until(async () => (await server.Http.GetAsync("/health/ready")).IsSuccessStatusCode, Within, "AMI connected");
        sim.RecordActions = true;
        return new Pbx(server, sim, lines);
    }

    private static async Task<CtiClient> Session(Pbx pbx, string login, int connectFrames = 8)
    {
        var client = await CtiClient.LoginAsync(pbx.Server, login, login);
        await client.ReceiveManyAsync(connectFrames);
        return client;
    }

    private static Task Send(CtiClient client, string command, object? arguments = null)
    {
        var frame = arguments is null ? new JObject() : JObject.FromObject(arguments);
        frame.AddFirst(new JProperty("command", command));
        frame.AddFirst(new JProperty("claz", "web"));
        return client.SendAsync(frame.ToString(Newtonsoft.Json.Formatting.None));
    }

    /// <summary>The next Error frame (phone events and other pushes in between are skipped).</summary>
    private static async Task<JObject> NextError(CtiClient client)
    {
        while (true)
        {
            var frame = await client.ReceiveJsonAsync();
            if ((string?)frame["msgType"] == "Error") return (JObject)frame["ctiMessage"]!;
        }
    }

    private static async Task AssertError(CtiClient client, string code, string message)
    {
        var error = await NextError(client);
        Assert.Equal((code, message), ((string?)error["Error"], (string?)error["message"]));
    }

    /// <summary>No Error came: a ping is answered with nothing but non-error pushes before the Pong.</summary>
    private static async Task AssertNoError(CtiClient client)
    {
        await client.SendAsync("""{"claz":"ping"}""");
        while (true)
        {
            var frame = await client.ReceiveJsonAsync();
            Assert.NotEqual("Error", (string?)frame["msgType"]);
            if ((string?)frame["msgType"] == "Pong") return;
        }
    }

    /// <summary>1002 calls 1001 and 1001 answers; returns 1001's channel once its line shows the answered call.</summary>
    private static async Task<SimChannel> CallFrom1002Answered(Pbx pbx)
    {
        pbx.Model.Dial("1002", "1001");
        pbx.Model.Answer("1001");
        await pbx.Line("1001", l => l.Channels.Any(c => c.State == 6), "1001 talking");
        return pbx.Channel("PJSIP/1001-");
    }

    [Fact]
    public async Task Dial_originates_from_the_users_phone_with_USR_data_and_hangup_ends_the_call()
    {
        await using var pbx = await StartAsync();
        await using var james = await Session(pbx, "jbond");

        await Send(james, "dial", new { destination = "1002", variables = new { ticket = "T-42", USR_lang = "fr" } });
        Assert.Equal([[
            "Action: Originate", "Channel: PJSIP/1001", "Exten: 1002", "Context: default", "Priority: 1", "Timeout: 30000",
            "CallerID: \"James Bond\" <1001>", "Async: true", "Variable: USR_ticket=T-42", "Variable: USR_lang=fr",
        ]], await pbx.ActionsUpTo("Originate"));
        // The phone rings first (desk phones auto-answer; here the test answers), then it calls 1002.
        await Wait.Until(() => Task.FromResult(pbx.MaybeChannel("PJSIP/1001-") is { State: 5 }), Within, "1001 rung by the originate");
        pbx.Model.Answer("1001");
        await Wait.Until(() => Task.FromResult(pbx.MaybeChannel("PJSIP/1002-") is { State: 5 }), Within, "1002 ringing");
        var mine = pbx.Channel("PJSIP/1001-");
        Assert.Equal("T-42", mine.Variables["USR_ticket"]);
        Assert.Equal("1001", pbx.Channel("PJSIP/1002-").ConnectedNum);

        await pbx.Line("1001", l => l.Channels.Any(c => c.State == 6), "1001 up");
        await Send(james, "hangup");
        Assert.Equal([["Action: Hangup", $"Channel: {mine.Name}"]], await pbx.ActionsUpTo("Hangup"));
        await Wait.Until(() => Task.FromResult(pbx.Model.ChannelCount == 0), Within, "the call ended");
        await AssertNoError(james);
    }

    [Fact]
    public async Task Answer_then_hold_and_unhold_are_notifies_to_the_phone_and_the_call_is_held_then_resumed()
    {
        await using var pbx = await StartAsync();
        await using var james = await Session(pbx, "jbond");
        pbx.Model.Dial("1002", "1001");
        await pbx.Line("1001", l => l.Channels.Any(c => c.State == 5), "1001 ringing");

        await Send(james, "answer");
        Assert.Equal([["Action: PJSIPNotify", "Endpoint: 1001", "Variable: Event=talk"]], await pbx.ActionsUpTo("PJSIPNotify"));
        await Wait.Until(() => Task.FromResult(pbx.Channel("PJSIP/1001-").Bridge is not null), Within, "1001 answered and bridged");

        await pbx.Line("1001", l => l.Channels.Any(c => c.State == 6), "1001 talking");
        await Send(james, "hold");
        Assert.Equal([["Action: PJSIPNotify", "Endpoint: 1001", "Variable: Event=hold"]], await pbx.ActionsUpTo("PJSIPNotify"));
        await Wait.Until(() => Task.FromResult(pbx.Channel("PJSIP/1001-").OnHold), Within, "1001 holds the call");

        await pbx.Line("1001", l => l.Channels.Any(c => c.OnHold), "the line knows the call is held");
        await Send(james, "hold");
        Assert.Equal([["Action: PJSIPNotify", "Endpoint: 1001", "Variable: Event=hold"]], await pbx.ActionsUpTo("PJSIPNotify"));
        await Wait.Until(() => Task.FromResult(!pbx.Channel("PJSIP/1001-").OnHold), Within, "1001 resumes the call");
        Assert.NotNull(pbx.Channel("PJSIP/1002-").Bridge);
        await AssertNoError(james);
    }

    [Fact]
    public async Task Refused_commands_get_an_Error_naming_the_command_and_the_reason()
    {
        await using var pbx = await StartAsync();
        await using var james = await Session(pbx, "jbond");
        await using var admin = await Session(pbx, "admin", 6);

        await Send(james, "hold");
        await AssertError(james, "NoSuchCall", "hold: no call to hold");
        await Send(james, "hangup", new { uniqueId = "1234.5" });
        await AssertError(james, "NoSuchCall", "hangup: no call 1234.5 on your line");
        await Send(james, "completeTransfer");
        await AssertError(james, "NoTransfer", "completeTransfer: no attended transfer in progress on your line");
        await Send(james, "dialByUsername", new { username = "nobody" });
        await AssertError(james, "UnknownUser", "dialByUsername: no user 'nobody'");
        await Send(james, "dialByUsername", new { username = "admin" });
        await AssertError(james, "UnknownUser", "dialByUsername: admin has no line");
        await Send(james, "dialFromQueue", new { destination = "0123456789", queueId = 99 });
        await AssertError(james, "UnknownQueue", "dialFromQueue: no queue 99");
        await Send(james, "dial", new { destination = "10;02" });
        await AssertError(james, "InvalidArgument", "dial: 'destination' must be a number to dial (digits, letters, * # +), not '10;02'");
        await Send(james, "setData", new { variables = "a" });
        await AssertError(james, "InvalidArgument", "setData: 'variables' must be object, not string");
        await Send(admin, "dial", new { destination = "1002" });
        await AssertError(admin, "NoLine", "dial: admin has no line");
        await Send(admin, "dialFromMobile", new { destination = "1002" });
        await AssertError(admin, "NoMobileNumber", "dialFromMobile: admin has no mobile number");

        // Refused by the PBX: its reason is quoted (a conference channel is not in a basic bridge).
        pbx.Model.AddConferenceNumber("4000");
        pbx.Model.JoinConference("1001", "4000");
        await pbx.Line("1001", l => l.Channels.Any(c => c.State == 6), "1001 in the conference");
        await Send(james, "directTransfer", new { destination = "1003" });
        await AssertError(james, "PbxRefused", "directTransfer: the PBX refused BlindTransfer: Transfer invalid");
        // Nothing but that BlindTransfer (and, before it, the CoreShowChannels of completeTransfer) reached the PBX.
        Assert.Equal(["CoreShowChannels", "BlindTransfer"], pbx.ActionNamesSinceLast());
        await AssertNoError(james);
    }

    [Fact]
    public async Task A_users_commands_never_touch_another_users_calls()
    {
        await using var pbx = await StartAsync();
        await using var james = await Session(pbx, "jbond");
        await using var eve = await Session(pbx, "mmoneypenny");
        pbx.Model.Dial("1001", "1003");
        pbx.Model.Answer("1003");
        pbx.Model.Dial("1002", "1004");
        pbx.Model.Answer("1004");
        var evesLine = await pbx.Line("1002", l => l.Channels.Any(c => c.State == 6), "1002 talking");
        await pbx.Line("1001", l => l.Channels.Any(c => c.State == 6), "1001 talking");
        var evesCall = evesLine.Channels.Single();

        // James names Eve's call: refused before anything reaches the PBX.
        foreach (var command in new[] { "hangup", "hold", "answer", "toggleMicrophone" })
        {
            await Send(james, command, new { uniqueId = evesCall.UniqueId });
            await AssertError(james, "NoSuchCall", $"{command}: no call {evesCall.UniqueId} on your line");
        }
        Assert.Empty(pbx.ActionNamesSinceLast());

        // James's own commands act on his phone and call only; Eve's acts on hers.
        await Send(james, "hold");
        Assert.Equal([["Action: PJSIPNotify", "Endpoint: 1001", "Variable: Event=hold"]], await pbx.ActionsUpTo("PJSIPNotify"));
        await Send(eve, "hangup");
        Assert.Equal([["Action: Hangup", $"Channel: {evesCall.Name}"]], await pbx.ActionsUpTo("Hangup"));
        await Wait.Until(() => Task.FromResult(pbx.MaybeChannel("PJSIP/1002-") is null), Within, "Eve's call ended");
        Assert.True(pbx.Channel("PJSIP/1001-").OnHold);
        Assert.NotNull(pbx.Channel("PJSIP/1003-").Bridge);
        await AssertNoError(james);
        await AssertNoError(eve);
    }

    [Fact]
    public async Task Attached_data_follows_the_call_through_a_direct_transfer()
    {
        await using var pbx = await StartAsync();
        await using var james = await Session(pbx, "jbond");
        // The transfer target's user (line 1003): his phone's events show the data the call carries.
        await using var q = await Session(pbx, "qboothroyd");
        var mine = await CallFrom1002Answered(pbx);
        var caller = pbx.Channel("PJSIP/1002-");

        await Send(james, "setData", new { variables = new { customer = "ACME", USR_case = "7" } });
        var actions = await pbx.ActionsUpTo("CoreShowChannels");
        Assert.Equal([["Action: CoreShowChannels"]], actions);
        var setvars = new List<List<string>>();
        for (var i = 0; i < 4; i++) setvars.AddRange(await pbx.ActionsUpTo("Setvar"));
        Assert.Equal([
            ["Action: Setvar", $"Channel: {mine.Name}", "Variable: USR_customer", "Value: ACME"],
            ["Action: Setvar", $"Channel: {mine.Name}", "Variable: USR_case", "Value: 7"],
            ["Action: Setvar", $"Channel: {caller.Name}", "Variable: USR_customer", "Value: ACME"],
            ["Action: Setvar", $"Channel: {caller.Name}", "Variable: USR_case", "Value: 7"],
        ], setvars);

        await Send(james, "directTransfer", new { destination = "1003" });
        Assert.Equal([["Action: BlindTransfer", $"Channel: {mine.Name}", "Exten: 1003", "Context: default"]], await pbx.ActionsUpTo("BlindTransfer"));
        await Wait.Until(() => Task.FromResult(pbx.MaybeChannel("PJSIP/1003-") is { State: 5 }), Within, "1003 rings for the transferred caller");
        var target = pbx.Channel("PJSIP/1003-");
        Assert.Equal(
            PhoneEventsTests.PhoneEvent("EventRinging", "1003", "1002", "Eve Moneypenny", target.Linkedid, target.Uniqueid, "Incoming",
                userData: """{"USR_case":"7","USR_customer":"ACME"}"""),
            await q.ReceiveOfTypeAsync("PhoneEvent"));
        pbx.Model.Answer("1003");
        await Wait.Until(() => Task.FromResult(pbx.Channel("PJSIP/1003-").Bridge is { } b && b == caller.Bridge), Within, "the caller talks to 1003");
        Assert.Null(pbx.MaybeChannel("PJSIP/1001-"));
        Assert.Equal(("ACME", "7"), (caller.Variables["USR_customer"], caller.Variables["USR_case"]));
        await AssertNoError(james);
    }

    [Fact]
    public async Task An_attended_transfer_completed_joins_the_caller_and_the_target_and_frees_the_user()
    {
        await using var pbx = await StartAsync();
        await using var james = await Session(pbx, "jbond");
        var mine = await CallFrom1002Answered(pbx);
        var caller = pbx.Channel("PJSIP/1002-");

        await Send(james, "attendedTransfer", new { destination = "1003" });
        Assert.Equal([["Action: Atxfer", $"Channel: {mine.Name}", "Exten: 1003", "Context: default"]], await pbx.ActionsUpTo("Atxfer"));
        await Wait.Until(() => Task.FromResult(pbx.MaybeChannel("PJSIP/1003-") is { State: 5 }), Within, "1003 rings for the consultation");
        pbx.Model.Answer("1003");
        var target = pbx.Channel("Local/1003@default-", ";1");
        await Wait.Until(() => Task.FromResult(target.State == 6), Within, "consulting 1003");

        await Send(james, "completeTransfer");
        Assert.Equal([
            ["Action: CoreShowChannels"],
            ["Action: Getvar", $"Channel: {target.Name}", "Variable: ATTENDEDTRANSFER"],
            ["Action: Hangup", $"Channel: {mine.Name}"],
        ], await pbx.ActionsUpTo("Hangup"));
        await Wait.Until(() => Task.FromResult(pbx.MaybeChannel("PJSIP/1001-") is null), Within, "the transferer is gone");
        Assert.Same(caller.Bridge, target.Bridge);
        Assert.NotNull(pbx.Channel("PJSIP/1003-").Bridge);
        await AssertNoError(james);
    }

    [Fact]
    public async Task An_attended_transfer_cancelled_brings_the_user_back_to_the_caller_and_the_target_hangs_up()
    {
        await using var pbx = await StartAsync();
        await using var james = await Session(pbx, "jbond");
        var mine = await CallFrom1002Answered(pbx);
        var caller = pbx.Channel("PJSIP/1002-");
        var original = caller.Bridge;

        await Send(james, "attendedTransfer", new { destination = "1003" });
        await pbx.ActionsUpTo("Atxfer");
        await Wait.Until(() => Task.FromResult(pbx.MaybeChannel("PJSIP/1003-") is { State: 5 }), Within, "1003 rings for the consultation");
        pbx.Model.Answer("1003");
        var target = pbx.Channel("Local/1003@default-", ";1");
        await Wait.Until(() => Task.FromResult(target.State == 6), Within, "consulting 1003");

        await Send(james, "cancelTransfer");
        Assert.Equal([
            ["Action: CoreShowChannels"],
            ["Action: Getvar", $"Channel: {target.Name}", "Variable: ATTENDEDTRANSFER"],
            ["Action: CancelAtxfer", $"Channel: {mine.Name}"],
        ], await pbx.ActionsUpTo("CancelAtxfer"));
        await Wait.Until(() => Task.FromResult(pbx.MaybeChannel("PJSIP/1003-") is null), Within, "the target hung up");
        Assert.Same(original, mine.Bridge);
        Assert.Same(original, caller.Bridge);
        Assert.False(mine.OnHold);
        await AssertNoError(james);
    }

    [Fact]
    public async Task The_other_commands_yield_their_actions()
    {
        await using var pbx = await StartAsync();
        await using var james = await Session(pbx, "jbond");

        await Send(james, "dialByUsername", new { username = "qboothroyd", variables = new { a = 1 } });
        Assert.Equal([[
            "Action: Originate", "Channel: PJSIP/1001", "Exten: 1003", "Context: default", "Priority: 1", "Timeout: 30000",
            "CallerID: \"James Bond\" <1001>", "Async: true", "Variable: USR_a=1",
        ]], await pbx.ActionsUpTo("Originate"));
        await Send(james, "originate", new { destination = "1004" });
        Assert.Equal("Exten: 1004", (await pbx.ActionsUpTo("Originate"))[0][2]);
        await Send(james, "dialFromMobile", new { destination = "0123456789" });
        Assert.Equal([[
            "Action: Originate", "Channel: Local/0612340001@default", "Exten: 0123456789", "Context: default", "Priority: 1", "Timeout: 30000",
            "CallerID: \"James Bond\" <1001>", "Async: true",
        ]], await pbx.ActionsUpTo("Originate"));
        await Send(james, "dialFromQueue", new { destination = "0123456789", queueId = 1, callerIdName = "Sales", callerIdNumber = "0800000000" });
        Assert.Equal([[
            "Action: Originate", "Channel: Local/3000@default", "Exten: 0123456789", "Context: default", "Priority: 1", "Timeout: 30000",
            "CallerID: \"Sales\" <0800000000>", "Async: true",
        ]], await pbx.ActionsUpTo("Originate"));
        // The simulator makes no Local channel for an Originate (OriginateResponse Failure, reason 0): each placed call
        // that failed comes back to the session (docs/cti-websocket.md, "Click-to-dial"), in the order the PBX reported them.
        var failed = new[] { await NextError(james), await NextError(james) }.Select(e => ((string?)e["Error"], (string?)e["message"])).Order().ToList();
        Assert.Equal([
            ("CallFailed", "dialFromMobile to 0123456789 failed: Local/0612340001@default could not be reached (reason 0: no such device, or unreachable)"),
            ("CallFailed", "dialFromQueue to 0123456789 failed: Local/3000@default could not be reached (reason 0: no such device, or unreachable)"),
        ], failed);

        // The four originates rang 1001 (twice; the mobile and queue ones went through Local channels): let it go quiet.
        pbx.Model.Hangup("1001");
        await pbx.Line("1001", l => l.Channels.Count == 0, "1001 idle again");
        // His phone hung up instead of answering: those two calls failed too (OriginateResponse Failure, reason 1).
        failed = new[] { await NextError(james), await NextError(james) }.Select(e => ((string?)e["Error"], (string?)e["message"])).Order().ToList();
        Assert.Equal([
            ("CallFailed", "dialByUsername to 1003 failed: PJSIP/1001 hung up (reason 1)"),
            ("CallFailed", "originate to 1004 failed: PJSIP/1001 hung up (reason 1)"),
        ], failed);
        var mine = await CallFrom1002Answered(pbx);
        await Send(james, "sendDtmf", new { key = "5" });
        Assert.Equal([["Action: PlayDTMF", $"Channel: {mine.Name}", "Digit: 5", "Receive: true"]], await pbx.ActionsUpTo("PlayDTMF"));

        await Send(james, "toggleMicrophone", new { uniqueId = mine.Uniqueid });
        Assert.Equal([
            ["Action: Getvar", $"Channel: {mine.Name}", "Variable: XUC_MICROPHONE_MUTED"],
            ["Action: MuteAudio", $"Channel: {mine.Name}", "Direction: in", "State: on"],
        ], await pbx.ActionsUpTo("MuteAudio"));
        Assert.Equal([["Action: Setvar", $"Channel: {mine.Name}", "Variable: XUC_MICROPHONE_MUTED", "Value: 1"]], await pbx.ActionsUpTo("Setvar"));
        Assert.True(mine.MutedIn);
        await Send(james, "toggleMicrophone", new { uniqueId = mine.Uniqueid });
        Assert.Equal("State: off", (await pbx.ActionsUpTo("MuteAudio"))[1][3]);
        await pbx.ActionsUpTo("Setvar");
        Assert.False(mine.MutedIn);
        await AssertNoError(james);
    }
}
