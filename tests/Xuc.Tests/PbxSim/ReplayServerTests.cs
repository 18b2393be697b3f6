using System.Collections.Concurrent;
using Xuc.Ami.Actions;
using Xuc.Ami.Client;
using Xuc.Ami.Events;
using Xuc.Ami.Recording;
using Xuc.PbxSim;
using Xuc.PbxSim.Replay;
using Xuc.Tests.Support;

namespace Xuc.Tests.PbxSim;

/// <summary>The replay server over real sockets, driven by Xuc's own AMI client.</summary>
public sealed class ReplayServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    // A recording: the resync QueueStatus answer (a list), then two events, a Ping answer, and an answer to an
    // action whose kind only its list's Complete event tells (no "sent" line).
    private const string Recording = """
        ;; xuc-ami-recording 1
        ;; t=1764295891.000000 connect 127.0.0.1 5038
        Asterisk Call Manager/7.0.3
        ;; t=1764295891.100000 sent Login rec-1
        ;; t=1764295891.110000
        Response: Success
        ActionID: rec-1
        Message: Authentication accepted

        ;; t=1764295891.120000
        Event: FullyBooted
        Privilege: system,all
        Status: Fully Booted

        ;; t=1764295891.200000 sent QueueStatus rec-2
        ;; t=1764295891.210000
        Response: Success
        ActionID: rec-2
        EventList: start
        Message: Queue status will follow

        ;; t=1764295891.210000
        Event: QueueParams
        Queue: sales
        Max: 0
        Strategy: ringall
        Calls: 0
        ActionID: rec-2

        ;; t=1764295891.210000
        Event: QueueStatusComplete
        EventList: Complete
        ListItems: 1
        ActionID: rec-2

        ;; t=1764295892.000000
        Event: Newchannel
        Privilege: call,all
        Channel: PJSIP/1001-00000001
        Uniqueid: 1764295892.1

        ;; t=1764295893.000000 sent Ping rec-3
        ;; t=1764295893.010000
        Response: Success
        ActionID: rec-3
        Ping: Pong

        ;; t=1764295894.000000
        Event: Hangup
        Privilege: call,all
        Channel: PJSIP/1001-00000001
        Uniqueid: 1764295892.1
        Cause: 16

        """;

    private static AmiClient Client(int port, AmiAuthMode auth = AmiAuthMode.Md5, string secret = "xucpass") => new(new AmiClientOptions
    {
        Port = port, Username = "xuc", Secret = secret, Auth = auth,
        ActionTimeout = TimeSpan.FromSeconds(5), ReconnectMin = TimeSpan.FromMilliseconds(100), ReconnectMax = TimeSpan.FromMilliseconds(400),
    });

    private static async Task<ReplayServer> Start(string text, ReplayOptions? options = null)
    {
        var server = new ReplayServer(ReplayScript.From(AmiCaptureReader.Parse(text)), options ?? new ReplayOptions { Speed = null },
            new PbxSimOptions { Port = 0 });
        await server.StartAsync();
        return server;
    }

    [Fact]
    public void The_script_streams_events_and_keeps_answers_of_real_actions_only()
    {
        var script = ReplayScript.From(AmiCaptureReader.Parse(Recording));
        Assert.Equal(2, script.EventCount); // FullyBooted is the replay's own
        var answer = Assert.Single(script.Steps.OfType<AnswerStep>());
        Assert.Equal("QueueStatus", answer.Action);
        Assert.Equal(3, answer.Messages.Count);
        Assert.Equal(2, script.DroppedAnswers); // Login and Ping are answered live
        Assert.Contains("ActionID: mine\r\n", answer.TextFor("mine"));
        Assert.DoesNotContain("rec-2", answer.TextFor("mine"));
    }

    [Theory]
    [InlineData(AmiAuthMode.Plain)]
    [InlineData(AmiAuthMode.Md5)]
    public async Task A_client_logs_in_gets_its_resync_answer_then_the_events_in_order(AmiAuthMode auth)
    {
        await using var server = await Start(Recording);
        await using var client = Client(server.Port, auth);
        var events = new ConcurrentQueue<AmiEvent>();
        client.EventReceived += events.Enqueue;
        await client.StartAsync().WaitAsync(Timeout);
        Assert.Equal("Asterisk Call Manager/7.0.3", client.State.Banner);
        var status = await client.SendListAsync(new QueueStatusAction());
        Assert.True(status.Response.IsSuccess);
        Assert.Equal("sales", Assert.Single(status.Events)["Queue"]);
        await server.FirstStreamDone.WaitAsync(Timeout);
        await Wait.Until(() => Task.FromResult(events.Any(e => e.Name == "Hangup")), Timeout, "the last event");
        Assert.Equal(["FullyBooted", "Newchannel", "Hangup"], events.Select(e => e.Name));
        Assert.Equal(16, ((HangupEvent)events.Last()).Cause);
        Assert.Equal("Pong", (await client.SendAsync(new PingAction()))["Ping"]);
    }

    [Fact]
    public async Task Actions_the_recording_never_answered_get_an_empty_list_or_an_error()
    {
        await using var server = await Start(Recording);
        await using var client = Client(server.Port);
        await client.StartAsync().WaitAsync(Timeout);
        var channels = await client.SendListAsync(new CoreShowChannelsAction());
        Assert.True(channels.Response.IsSuccess);
        Assert.Empty(channels.Events);
        Assert.Equal("CoreShowChannelsComplete", channels.Complete?.Name);
        var hangup = await client.SendAsync(new HangupAction { Channel = "PJSIP/1001-00000001" });
        Assert.False(hangup.IsSuccess);
        Assert.Equal("Action 'Hangup' is not supported in replay", hangup.Text);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_as_manager_c_does()
    {
        await using var server = await Start(Recording);
        await using var client = Client(server.Port, AmiAuthMode.Plain, "wrong");
        // The client retries a refused login (docs/ami-client.md); the refusal shows as its state, in manager.c's words.
        var refused = new TaskCompletionSource<AmiConnectionState>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += s => { if (s.Status == AmiLinkStatus.LoginRefused) refused.TrySetResult(s); };
        var started = client.StartAsync();
        Assert.Equal(new AmiConnectionState(AmiLinkStatus.LoginRefused, "Authentication failed"), await refused.Task.WaitAsync(Timeout));
        Assert.False(started.IsCompleted, "no login was accepted");
    }

    [Fact]
    public async Task A_pasted_debug_log_replays_and_loops()
    {
        const string log = """
            [Nov 28 02:11:31] VERBOSE[2317] manager.c: <-- Examining AMI event (1542): -->
            Event: Newchannel
            Privilege: call,all
            SequenceNumber: 41
            Channel: PJSIP/1001-00000004
            Uniqueid: 1740666060.11

            [Nov 28 02:11:34] VERBOSE[2317] manager.c: <-- Examining AMI event (77): -->
            Event: Hangup
            Privilege: call,all
            SequenceNumber: 42
            Channel: PJSIP/1001-00000004
            Cause: 16

            """;
        await using var server = await Start(log, new ReplayOptions { Speed = null, Loop = true });
        await using var client = Client(server.Port);
        var hangups = 0;
        client.EventReceived += e => { if (e.Name == "Hangup") Interlocked.Increment(ref hangups); };
        await client.StartAsync().WaitAsync(Timeout);
        await Wait.Until(() => Task.FromResult(Volatile.Read(ref hangups) >= 3), Timeout, "the log served again and again");
    }

    [Fact]
    public void Speeds_parse_as_the_command_line_gives_them()
    {
        Assert.True(ReplayOptions.TryParseSpeed("max", out var max));
        Assert.Null(max);
        Assert.True(ReplayOptions.TryParseSpeed("10", out var ten));
        Assert.Equal(10, ten);
        Assert.False(ReplayOptions.TryParseSpeed("0", out _));
        Assert.False(ReplayOptions.TryParseSpeed("fast", out _));
    }
}
