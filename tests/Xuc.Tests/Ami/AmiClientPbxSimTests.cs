using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xuc.Ami.Actions;
using Xuc.Ami.Client;
using Xuc.Ami.Events;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Ami;

/// <summary>Xuc.Ami's client against the PBX simulator over real TCP.</summary>
public sealed class AmiClientPbxSimTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private PbxSimulator _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(_sim.Model);
        await _sim.StartAsync();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private AmiClient Client(AmiAuthMode auth = AmiAuthMode.Md5, string secret = "xucpass", int? port = null) => new(new AmiClientOptions
    {
        Port = port ?? _sim.Port, Username = "xuc", Secret = secret, Auth = auth,
        ActionTimeout = TimeSpan.FromSeconds(5), ReconnectMin = TimeSpan.FromMilliseconds(100), ReconnectMax = TimeSpan.FromMilliseconds(400),
    });

    [Theory]
    [InlineData(AmiAuthMode.Plain)]
    [InlineData(AmiAuthMode.Md5)]
    public async Task Logs_in_reads_the_banner_and_pings(AmiAuthMode auth)
    {
        await using var client = Client(auth);
        await client.StartAsync().WaitAsync(Timeout);
        Assert.True(client.IsConnected);
        Assert.Equal("Asterisk Call Manager/7.0.3", client.State.Banner);
        var pong = await client.SendAsync(new PingAction());
        Assert.Equal("Pong", pong["Ping"]);
        Assert.Matches(@"^\d+\.\d{6}$", pong["Timestamp"]);
    }

    [Theory]
    [InlineData(AmiAuthMode.Plain)]
    [InlineData(AmiAuthMode.Md5)]
    public async Task A_refused_login_is_retried_until_the_pbx_accepts_the_secret(AmiAuthMode auth)
    {
        // The PBX knows another secret for xuc (a manager.conf being edited), then the one the client has.
        var users = new ConcurrentDictionary<string, string> { ["xuc"] = "not-yet" };
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0, ManagerUsers = users });
        await sim.StartAsync();
        await using var client = Client(auth, port: sim.Port);
        var states = new ConcurrentQueue<AmiConnectionState>();
        client.StateChanged += states.Enqueue;
        var started = client.StartAsync();

        await Wait.Until(() => Task.FromResult(states.Count(s => s.Status == AmiLinkStatus.LoginRefused) >= 2), Timeout, "the refused login is tried again");
        Assert.False(started.IsCompleted, "StartAsync waits for a login the PBX accepts");
        Assert.Equal(new AmiConnectionState(AmiLinkStatus.LoginRefused, "Authentication failed"), states.First(s => s.Status == AmiLinkStatus.LoginRefused));

        users["xuc"] = "xucpass";
        await started.WaitAsync(Timeout);
        Assert.True(client.IsConnected);
        Assert.Equal("Pong", (await client.SendAsync(new PingAction()))["Ping"]);
    }

    [Fact]
    public async Task Originate_with_variables_rings_answers_and_reports()
    {
        _sim.Model.SetEndpointBehaviour("1001", EndpointBehaviour.AutoAnswer, TimeSpan.Zero);
        await using var client = Client();
        var events = new ConcurrentQueue<AmiEvent>();
        client.EventReceived += events.Enqueue;
        await client.StartAsync().WaitAsync(Timeout);
        var response = await client.SendAsync(new OriginateAction
        {
            Channel = "PJSIP/1001", Exten = "1002", Context = "default", Priority = "1",
            Variables = new Dictionary<string, string> { ["USR_ticket"] = "42", ["XIVO_ORIGINATE"] = "1" },
        });
        Assert.True(response.IsSuccess);
        Assert.Equal("Originate successfully queued", response.Text);
        await Wait.Until(() => Task.FromResult(events.Any(e => e is DialBeginEvent)), Timeout, "the originated call dials 1002");
        var vars = events.OfType<VarSetEvent>().Where(v => v.Variable.StartsWith("USR_") || v.Variable.StartsWith("XIVO_")).ToList();
        Assert.Equal([("USR_ticket", "42"), ("XIVO_ORIGINATE", "1")], vars.Select(v => (v.Variable, v.Value)));
        var originate = Assert.Single(events, e => e.Name == "OriginateResponse");
        Assert.Equal("Success", originate["Response"]);
        Assert.Equal(response.Message.ActionId, originate["ActionID"]);
        var dial = events.OfType<DialBeginEvent>().Single();
        Assert.StartsWith("PJSIP/1001-", dial.Channel);
        Assert.StartsWith("PJSIP/1002-", dial.DestChannel);
    }

    [Fact]
    public async Task The_raw_message_stream_carries_exactly_the_typed_events_in_the_same_order()
    {
        _sim.Model.SetEndpointBehaviour("1002", EndpointBehaviour.AutoAnswer, TimeSpan.Zero);
        await using var client = Client();
        var typed = new ConcurrentQueue<string>();
        var raw = new ConcurrentQueue<string>();
        client.EventReceived += e => typed.Enqueue(e.Message.ToString());
        client.MessageReceived += m => raw.Enqueue(m.ToString());
        await client.StartAsync().WaitAsync(Timeout);
        _sim.Model.Dial("1001", "1002");
        await Wait.Until(() => Task.FromResult(raw.Any(m => m.Contains("Event: BridgeEnter") && m.Contains("PJSIP/1002-"))), Timeout, "the call is bridged");
        _sim.Model.Hangup("1001");
        await Wait.Until(() => Task.FromResult(raw.Count(m => m.Contains("Event: Hangup\r\n")) == 2), Timeout, "both channels hung up");
        await Wait.Until(() => Task.FromResult(typed.Count == raw.Count), Timeout, "the typed stream caught up");
        Assert.Equal(raw.ToArray(), typed.ToArray());
        Assert.True(raw.Count > 10, $"a whole call, not {raw.Count} events");
    }

    [Fact]
    public async Task A_queue_call_streams_join_called_connect_complete_and_leave()
    {
        await using var client = Client();
        var events = new ConcurrentQueue<AmiEvent>();
        client.EventReceived += events.Enqueue;
        await client.StartAsync().WaitAsync(Timeout);

        var uid = _sim.Model.ExternalCall("0612345678", "3000");
        await Wait.Until(() => Task.FromResult(events.OfType<AgentCalledEvent>().Count() == 5), Timeout, "sales (ringall) rings its 5 members");
        _sim.Model.Answer("1003");
        await Wait.Until(() => Task.FromResult(events.Any(e => e is AgentConnectEvent)), Timeout, "AgentConnect");
        _sim.Model.Hangup(uid);
        await Wait.Until(() => Task.FromResult(events.Any(e => e is AgentCompleteEvent)), Timeout, "AgentComplete");

        var queueEvents = events.Where(e => e.Name.StartsWith("Queue") && e.Name != "QueueMemberStatus" || e.Name.StartsWith("Agent")).Select(e => e.Name).ToList();
        Assert.Equal(["QueueCallerJoin", "AgentCalled", "AgentCalled", "AgentCalled", "AgentCalled", "AgentCalled", "QueueCallerLeave", "AgentConnect", "AgentComplete"], queueEvents);
        var connect = events.OfType<AgentConnectEvent>().Single();
        Assert.Equal(("sales", "PJSIP/1003"), (connect.Queue, connect.Interface));
        Assert.Equal(uid, connect.Uniqueid);
        var complete = events.OfType<AgentCompleteEvent>().Single();
        Assert.Equal("caller", complete.Reason);
        Assert.Equal(2, events.OfType<BridgeEnterEvent>().Count());
    }

    [Fact]
    public async Task An_event_list_is_gathered_into_one_result()
    {
        await using var client = Client();
        var unsolicited = new ConcurrentQueue<AmiEvent>();
        client.EventReceived += unsolicited.Enqueue;
        await client.StartAsync().WaitAsync(Timeout);
        _sim.Model.ExternalCall("0611111111", "3001");
        var list = await client.SendListAsync(new QueueStatusAction { Queue = "support" });
        Assert.Equal("start", list.Response["EventList"]);
        Assert.Equal(["QueueParams", "QueueMember", "QueueMember", "QueueMember", "QueueMember", "QueueMember", "QueueEntry"], list.Events.Select(e => e.Name));
        Assert.Equal("QueueStatusComplete", list.Complete!.Name);
        Assert.Equal("7", list.Complete["ListItems"]);
        Assert.DoesNotContain(unsolicited, e => e.Name is "QueueParams" or "QueueMember" or "QueueEntry");

        var channels = await client.SendListAsync(new CoreShowChannelsAction());
        Assert.Contains(channels.Events, e => e["CallerIDNum"] == "0611111111");
    }

    [Fact]
    public async Task An_action_the_pbx_never_answers_times_out_and_the_connection_keeps_working()
    {
        await using var client = Client();
        await client.StartAsync().WaitAsync(Timeout);
        _sim.Faults.Withhold("QueueStatus");

        var timeout = await Assert.ThrowsAsync<AmiActionTimeoutException>(() =>
            client.SendListAsync(new QueueStatusAction { Queue = "sales", ResponseTimeout = TimeSpan.FromMilliseconds(300) }));
        Assert.Equal("no response to QueueStatus within 0.3 s", timeout.Message);
        Assert.Equal("Pong", (await client.SendAsync(new PingAction()))["Ping"]);
        Assert.True(client.IsConnected);

        _sim.Faults.Clear();
        var list = await client.SendListAsync(new QueueStatusAction { Queue = "sales" });
        Assert.Equal("QueueStatusComplete", list.Complete!.Name);
    }

    [Fact]
    public async Task A_response_that_comes_after_its_timeout_is_dropped_and_never_answers_a_later_action()
    {
        await using var client = Client();
        await client.StartAsync().WaitAsync(Timeout);
        _sim.Faults.ResponseDelay = TimeSpan.FromMilliseconds(400);

        await Assert.ThrowsAsync<AmiActionTimeoutException>(() =>
            client.SendAsync(new GetvarAction { Variable = "LATE", ResponseTimeout = TimeSpan.FromMilliseconds(100) }));
        // The late Getvar response arrives while this Ping waits: it must not be taken for the Ping's answer.
        var pong = await client.SendAsync(new PingAction());
        Assert.Equal("Pong", pong["Ping"]);
        Assert.Null(pong["Variable"]);
    }

    [Fact]
    public async Task Reconnects_after_the_pbx_restarts_and_asks_for_a_resync_each_time()
    {
        var port = FreePort.Next();
        var first = new PbxSimulator(new PbxSimOptions { Port = port });
        await first.StartAsync();
        await using var client = Client(port: port);
        var resyncs = 0;
        client.Resynchronise += () => Interlocked.Increment(ref resyncs);
        await client.StartAsync().WaitAsync(Timeout);
        Assert.Equal(1, resyncs);

        await first.DisposeAsync();
        await Wait.Until(() => Task.FromResult(!client.IsConnected), Timeout, "the client sees the link down");
        await Assert.ThrowsAsync<AmiNotConnectedException>(() => client.SendAsync(new PingAction()));

        await using var second = new PbxSimulator(new PbxSimOptions { Port = port });
        await second.StartAsync();
        await Wait.Until(() => Task.FromResult(client.IsConnected && Volatile.Read(ref resyncs) == 2), Timeout, "reconnected and resynchronised");
        Assert.Equal("Pong", (await client.SendAsync(new PingAction()))["Ping"]);
    }
}

/// <summary>Behaviour that needs a PBX misbehaving: a scripted server on real TCP.</summary>
public sealed class AmiClientScriptedServerTests
{
    [Fact]
    public async Task An_unanswered_action_times_out_and_the_connection_keeps_working()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var tcp = await listener.AcceptTcpClientAsync();
            var stream = tcp.GetStream();
            var reader = new StreamReader(stream);
            async Task Send(string s) => await stream.WriteAsync(Encoding.ASCII.GetBytes(s));
            await Send("Asterisk Call Manager/7.0.3\r\n");
            var action = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Length > 0) { action.Add(line); continue; }
                var id = action.First(l => l.StartsWith("ActionID: "))["ActionID: ".Length..];
                var name = action.First(l => l.StartsWith("Action: "))["Action: ".Length..];
                action.Clear();
                if (name == "Login") await Send($"Response: Success\r\nActionID: {id}\r\nMessage: Authentication accepted\r\n\r\n");
                else if (name == "Ping") await Send($"Event: Interleaved\r\nX: 1\r\n\r\nResponse: Success\r\nActionID: {id}\r\nPing: Pong\r\nTimestamp: 1.000000\r\n\r\n");
                // Anything else (the QueueStatus below) is never answered.
            }
        });

        await using var client = new AmiClient(new AmiClientOptions { Port = port, Username = "u", Secret = "s", Auth = AmiAuthMode.Plain, ActionTimeout = TimeSpan.FromMilliseconds(300) });
        var events = new ConcurrentQueue<AmiEvent>();
        client.EventReceived += events.Enqueue;
        await client.StartAsync().WaitAsync(TimeSpan.FromSeconds(5));
        var timeout = await Assert.ThrowsAsync<AmiActionTimeoutException>(() => client.SendListAsync(new QueueStatusAction()));
        Assert.Contains("QueueStatus", timeout.Message);
        Assert.Equal("Pong", (await client.SendAsync(new PingAction()))["Ping"]);
        Assert.Contains(events, e => e.Name == "Interleaved");
        await client.StopAsync();
        await server.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
