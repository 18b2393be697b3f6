using System.Security.Cryptography;
using System.Text;
using Xuc.PbxSim;
using Xuc.Tests.Support;

namespace Xuc.Tests.PbxSim;

/// <summary>The simulator's manager protocol, byte for byte as a raw TCP peer sees it.</summary>
public sealed class PbxSimProtocolTests : IAsyncLifetime
{
    private PbxSimulator _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(_sim.Model);
        await _sim.StartAsync();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Banner_login_and_FullyBooted_are_exactly_asterisks()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        Assert.Equal("Asterisk Call Manager/7.0.3", ami.Banner);
        await ami.SendAsync("Action: Login\r\nActionID: 1\r\nUsername: xuc\r\nSecret: xucpass\r\n\r\n");
        Assert.Equal([new("Response", "Success"), new("ActionID", "1"), new("Message", "Authentication accepted")], await ami.ReadAsync());
        var booted = await ami.ReadAsync();
        Assert.Equal(["Event", "Privilege", "Uptime", "LastReload", "Status"], booted!.Select(h => h.Key));
        Assert.Equal("Fully Booted", booted!.Get("Status"));
    }

    [Fact]
    public async Task Md5_challenge_login_works_and_a_wrong_key_is_refused_and_closed()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        await ami.SendAsync("Action: Challenge\r\nActionID: c\r\nAuthType: MD5\r\n\r\n");
        var challenge = (await ami.ReadAsync())!;
        Assert.Equal(["Response", "ActionID", "Challenge"], challenge.Select(h => h.Key));
        var key = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(challenge.Get("Challenge") + "xucpass")));
        await ami.SendAsync($"Action: Login\r\nActionID: l\r\nAuthType: MD5\r\nUsername: xuc\r\nKey: {key}\r\n\r\n");
        Assert.Equal("Authentication accepted", (await ami.ReadAsync())!.Get("Message"));

        await using var bad = await RawAmi.ConnectAsync(_sim.Port);
        await bad.SendAsync("Action: Challenge\r\nAuthType: MD5\r\n\r\n");
        await bad.ReadAsync();
        await bad.SendAsync("Action: Login\r\nAuthType: MD5\r\nUsername: xuc\r\nKey: 00000000000000000000000000000000\r\n\r\n");
        Assert.Equal([new("Response", "Error"), new("Message", "Authentication failed")], await bad.ReadAsync());
        Assert.Null(await bad.ReadAsync());
    }

    [Fact]
    public async Task Ping_unknown_actions_missing_arguments_and_unauthenticated_use_asterisks_wording()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        await ami.SendAsync("Action: QueueStatus\r\nActionID: early\r\n\r\n");
        Assert.Equal("Permission denied", (await ami.ReadAsync())!.Get("Message"));
        await ami.LoginAsync(events: "off");

        await ami.SendAsync("Action: Ping\r\nActionID: p\r\n\r\n");
        var pong = (await ami.ReadAsync())!;
        Assert.Equal(["Response", "ActionID", "Ping", "Timestamp"], pong.Select(h => h.Key));
        Assert.Equal("Pong", pong.Get("Ping"));

        async Task<string?> Error(string action)
        {
            await ami.SendAsync(action);
            var m = (await ami.ReadAsync())!;
            Assert.Equal("Error", m.Get("Response"));
            return m.Get("Message");
        }
        Assert.Equal("Invalid/unknown command: MakeCoffee. Use Action: ListCommands to show available commands.", await Error("Action: MakeCoffee\r\n\r\n"));
        Assert.Equal("Missing action in request", await Error("ActionID: x\r\n\r\n"));
        Assert.Equal("No channel specified", await Error("Action: Hangup\r\n\r\n"));
        Assert.Equal("No such channel", await Error("Action: Hangup\r\nChannel: PJSIP/9999-00000001\r\n\r\n"));
        Assert.Equal("'Queue' not specified.", await Error("Action: QueueAdd\r\nInterface: PJSIP/1001\r\n\r\n"));
        Assert.Equal("Unable to add interface to queue: No such queue", await Error("Action: QueueAdd\r\nQueue: nope\r\nInterface: PJSIP/1001\r\n\r\n"));
        Assert.Equal("Unable to add interface: Already there", await Error("Action: QueueAdd\r\nQueue: sales\r\nInterface: PJSIP/1001\r\n\r\n"));
        Assert.Equal("Need 'Interface' and 'Paused' parameters.", await Error("Action: QueuePause\r\nInterface: PJSIP/1001\r\n\r\n"));
        Assert.Equal("Interface not found", await Error("Action: QueuePause\r\nInterface: PJSIP/7777\r\nPaused: true\r\n\r\n"));
        Assert.Equal("Database entry not found", await Error("Action: DBGet\r\nFamily: dnd\r\nKey: 1001\r\n\r\n"));
        Assert.Equal("No active conferences.", await Error("Action: ConfbridgeListRooms\r\n\r\n"));
        Assert.Equal("Channel not specified", await Error("Action: Originate\r\nExten: 1002\r\n\r\n"));
        Assert.Equal("No channel specified", await Error("Action: PauseMonitor\r\n\r\n"));
        Assert.Equal("Invalid timeout", await Error("Action: Originate\r\nChannel: PJSIP/1001\r\nTimeout: soon\r\nAsync: true\r\n\r\n"));
        Assert.Equal("Invalid channel", await Error("Action: Originate\r\nChannel: 1001\r\nExten: 1002\r\nAsync: true\r\n\r\n"));
        Assert.Equal("Originate with 'Exten' requires 'Context' and 'Priority'",
            await Error("Action: Originate\r\nChannel: PJSIP/1001\r\nExten: 1002\r\nContext: default\r\n\r\n"));
        Assert.Equal("No such channel", await Error("Action: UnpauseMonitor\r\nChannel: PJSIP/9999-00000001\r\n\r\n"));
    }

    [Fact]
    public async Task A_synchronous_originate_answers_once_the_phone_answers_and_raises_no_OriginateResponse()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        await ami.LoginAsync();
        await ami.SendAsync("Action: Originate\r\nActionID: sync\r\nChannel: PJSIP/1001\r\nExten: 1002\r\nContext: default\r\nPriority: 1\r\n\r\n" +
                            "Action: Ping\r\nActionID: after\r\n\r\n");
        await ami.ReadUntilAsync("Event", "Newchannel");
        _sim.Model.Answer("1001");
        await ami.ReadUntilAsync("ActionID", "after");
        // The session was held: the Ping sent right behind the Originate is answered only after it.
        var answers = ami.Log.Where(m => m.Get("Response") is not null && m.Get("Event") is null).Select(m => m.Get("ActionID")).ToList();
        Assert.Equal(["sync", "after"], answers.Where(a => a is "sync" or "after"));
        var answer = ami.Log.Single(m => m.Get("ActionID") == "sync" && m.Get("Event") is null);
        Assert.Equal(("Success", "Originate successfully queued"), (answer.Get("Response"), answer.Get("Message")));
        Assert.DoesNotContain(ami.Log, m => m.Get("Event") == "OriginateResponse");

        await ami.SendAsync("Action: Originate\r\nActionID: sync2\r\nChannel: PJSIP/1003\r\nExten: 1002\r\nContext: default\r\nPriority: 1\r\n\r\n");
        // (Events of the first call may still be on their way: wait for 1003's own channel.)
        while (!((await ami.ReadUntilAsync("Event", "Newchannel")).Get("Channel") ?? "").StartsWith("PJSIP/1003-")) { }
        _sim.Model.Reject("1003");
        Assert.Equal("Originate failed", (await ami.ReadUntilAsync("ActionID", "sync2")).Get("Message"));
    }

    [Fact]
    public async Task An_asynchronous_originate_that_fails_says_why_in_its_OriginateResponse()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        await ami.LoginAsync();
        async Task<List<KeyValuePair<string, string>>> Outcome(string id, string channel, string extra = "")
        {
            await ami.SendAsync($"Action: Originate\r\nActionID: {id}\r\nChannel: {channel}\r\nContext: default\r\nExten: 1002\r\nAsync: true\r\n{extra}\r\n");
            while (true)
            {
                var m = await ami.ReadUntilAsync("ActionID", id, TimeSpan.FromSeconds(5));
                if (m.Get("Event") == "OriginateResponse") return m;
            }
        }

        var unknown = await Outcome("u", "PJSIP/9999");
        Assert.Equal(("Failure", "PJSIP/9999", "0", "<unknown>"), (unknown.Get("Response"), unknown.Get("Channel"), unknown.Get("Reason"), unknown.Get("Uniqueid")));

        _sim.Model.SetEndpointBehaviour("1003", Xuc.PbxSim.Model.EndpointBehaviour.Reject);
        var declined = await Outcome("d", "PJSIP/1003");
        Assert.Equal(("Failure", "5"), (declined.Get("Response"), declined.Get("Reason")));

        var unanswered = await Outcome("t", "PJSIP/1004", "Timeout: 200\r\n");
        Assert.Equal(("Failure", "3"), (unanswered.Get("Response"), unanswered.Get("Reason")));
        Assert.Equal(["Response", "Channel", "Context", "Exten", "Reason", "Uniqueid", "CallerIDNum", "CallerIDName"],
            unanswered.Select(h => h.Key).SkipWhile(k => k != "Response"));
    }

    [Fact]
    public async Task Redirect_checks_like_manager_c_a_lone_peer_hangs_up_and_a_dual_redirect_moves_both()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        await ami.LoginAsync(events: "off");
        async Task<List<KeyValuePair<string, string>>> Send(string headers)
        {
            await ami.SendAsync($"Action: Redirect\r\nActionID: r\r\n{headers}\r\n");
            return await ami.ReadUntilAsync("ActionID", "r");
        }
        Assert.Equal("Context not specified", (await Send("Channel: PJSIP/1001-00000001\r\nExten: 1003\r\n")).Get("Message"));
        Assert.Equal("Priority not specified", (await Send("Channel: PJSIP/1001-00000001\r\nContext: default\r\nExten: 1003\r\n")).Get("Message"));
        Assert.Equal("Priority is invalid", (await Send("Channel: PJSIP/1001-00000001\r\nContext: default\r\nExten: 1003\r\nPriority: x\r\n")).Get("Message"));
        Assert.Equal("Channel does not exist: PJSIP/1001-00000001",
            (await Send("Channel: PJSIP/1001-00000001\r\nContext: default\r\nExten: 1003\r\nPriority: 1\r\n")).Get("Message"));

        // 1001 talks to 1002; 1001 alone is redirected to 1003: 1002, left alone in the bridge, hangs up.
        _sim.Model.Dial("1001", "1002");
        _sim.Model.Answer("1002");
        string Leg(string exten) => _sim.Model.Locked(() => _sim.Model.Channels.Single(c => c.Name.StartsWith($"PJSIP/{exten}-")).Name);
        Assert.Equal("Redirect successful", (await Send($"Channel: {Leg("1001")}\r\nContext: default\r\nExten: 1003\r\nPriority: 1\r\n")).Get("Message"));
        Assert.Equal(2, _sim.Model.ChannelCount); // 1001 and the ringing 1003; 1002 is gone
        _sim.Model.Hangup("1001");

        // Both parties of a call into conference 4000 at once.
        _sim.Model.Dial("1005", "1006");
        _sim.Model.Answer("1006");
        var dual = await Send($"Channel: {Leg("1005")}\r\nExtraChannel: {Leg("1006")}\r\nContext: default\r\nExten: 4000\r\nPriority: 1\r\n");
        Assert.Equal("Dual Redirect successful", dual.Get("Message"));
        Assert.Equal(2, _sim.Model.Locked(() => _sim.Model.ConferenceMembers("4000")!.Count));
    }

    [Fact]
    public async Task Pause_and_unpause_monitor_answer_with_res_monitors_words()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        await ami.LoginAsync(events: "off");
        _sim.Model.Dial("1001", "1002");
        await ami.SendAsync("Action: CoreShowChannels\r\nActionID: c\r\n\r\n");
        var item = await ami.ReadUntilAsync("Event", "CoreShowChannel");
        var channel = item.Get("Channel")!;
        await ami.ReadUntilAsync("Event", "CoreShowChannelsComplete");
        await ami.SendAsync($"Action: PauseMonitor\r\nActionID: p\r\nChannel: {channel}\r\n\r\n");
        var paused = (await ami.ReadAsync())!;
        Assert.Equal(("Success", "Paused monitoring of the channel"), (paused.Get("Response"), paused.Get("Message")));
        await ami.SendAsync($"Action: UnpauseMonitor\r\nActionID: u\r\nChannel: {channel}\r\n\r\n");
        Assert.Equal("Unpaused monitoring of the channel", (await ami.ReadAsync())!.Get("Message"));
    }

    [Fact]
    public async Task Events_off_stops_events_and_on_brings_them_back()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        await ami.LoginAsync(events: "off");
        _sim.Model.SetMailbox("1001", 2, 1);
        await ami.SendAsync("Action: Events\r\nActionID: e\r\nEventMask: on\r\n\r\n");
        Assert.Equal([new("Response", "Success"), new("ActionID", "e"), new("Events", "On")], await ami.ReadAsync());
        _sim.Model.SetMailbox("1002", 1, 0);
        var mwi = (await ami.ReadAsync())!;
        Assert.Equal("MessageWaiting", mwi.Get("Event"));
        Assert.Equal("1002@default", mwi.Get("Mailbox"));
    }

    [Fact]
    public async Task Lists_have_start_items_and_complete_with_the_action_id()
    {
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        await ami.LoginAsync(events: "off");
        await ami.SendAsync("Action: ExtensionStateList\r\nActionID: list1\r\n\r\n");
        var response = (await ami.ReadAsync())!;
        Assert.Equal([new("Response", "Success"), new("ActionID", "list1"), new("EventList", "start"), new("Message", "Extension Statuses will follow")], response);
        var items = new List<List<KeyValuePair<string, string>>>();
        while (true)
        {
            var m = (await ami.ReadAsync())!;
            if (m.Get("Event") == "ExtensionStateListComplete")
            {
                Assert.Equal([new("Event", "ExtensionStateListComplete"), new("ActionID", "list1"), new("EventList", "Complete"), new("ListItems", "12")], m);
                break;
            }
            items.Add(m);
        }
        Assert.Equal(12, items.Count);
        Assert.Equal(["Event", "ActionID", "Exten", "Context", "Hint", "Status", "StatusText"], items[0].Select(h => h.Key));
        Assert.Equal(("1001", "PJSIP/1001", "0", "Idle"), (items[0].Get("Exten"), items[0].Get("Hint"), items[0].Get("Status"), items[0].Get("StatusText")));

        await ami.SendAsync("Action: DBPut\r\nActionID: p\r\nFamily: dnd\r\nKey: 1001\r\nVal: 1\r\n\r\n");
        Assert.Equal("Updated database successfully", (await ami.ReadAsync())!.Get("Message"));
        await ami.SendAsync("Action: DBGet\r\nActionID: g\r\nFamily: dnd\r\nKey: 1001\r\n\r\n");
        Assert.Equal("start", (await ami.ReadAsync())!.Get("EventList"));
        Assert.Equal([new("Event", "DBGetResponse"), new("ActionID", "g"), new("Family", "dnd"), new("Key", "1001"), new("Val", "1")], await ami.ReadAsync());
        Assert.Equal("DBGetComplete", (await ami.ReadAsync())!.Get("Event"));
    }

    [Fact]
    public async Task Garbage_from_a_client_does_not_take_the_simulator_down()
    {
        await using (var junk = await RawAmi.ConnectAsync(_sim.Port))
        {
            var random = new Random(7);
            var bytes = new byte[100_000];
            random.NextBytes(bytes);
            await junk.SendAsync(Encoding.Latin1.GetString(bytes) + "\r\n\r\n" + new string('x', 200_000) + "\r\n\r\n");
        }
        await using var ami = await RawAmi.ConnectAsync(_sim.Port);
        Assert.Equal("Authentication accepted", (await ami.LoginAsync()).Get("Message"));
    }
}
