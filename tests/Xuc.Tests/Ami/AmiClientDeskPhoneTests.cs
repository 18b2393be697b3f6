using System.Collections.Concurrent;
using Xuc.Ami.Actions;
using Xuc.Ami.Client;
using Xuc.Ami.Events;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Ami;

/// <summary>
/// The desk-phone and recording actions (PJSIPNotify talk/hold, PlayDTMF, MixMonitorMute, Pause/UnpauseMonitor)
/// sent by Xuc.Ami's client to the simulator over TCP: each answer and the events it causes.
/// </summary>
public sealed class AmiClientDeskPhoneTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<AmiEvent> _events = new();
    private PbxSimulator _sim = null!;
    private AmiClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = new PbxSimulator(new PbxSimOptions { Port = 0 });
        DefaultModel.Seed(_sim.Model);
        await _sim.StartAsync();
        _client = new AmiClient(new AmiClientOptions { Port = _sim.Port, Username = "xuc", Secret = "xucpass" });
        _client.EventReceived += _events.Enqueue;
        await _client.StartAsync().WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private async Task<AmiEvent> EventAsync(string name, Func<AmiEvent, bool> match)
    {
        AmiEvent? found = null;
        await Wait.Until(() => Task.FromResult((found = _events.FirstOrDefault(e => e.Name == name && match(e))) is not null), Timeout, name);
        return found!;
    }

    /// <summary>1001 calls 1002, which rings until told otherwise; returns the caller's channel.</summary>
    private async Task<string> RingingCallAsync()
    {
        _sim.Model.SetEndpointBehaviour("1002", EndpointBehaviour.Manual, TimeSpan.Zero);
        _sim.Model.Dial("1001", "1002");
        var dial = await EventAsync("DialBegin", e => e["Channel"]?.StartsWith("PJSIP/1001-") == true);
        return dial["Channel"]!;
    }

    [Fact]
    public async Task PJSIPNotify_talk_answers_the_ringing_phone_and_hold_puts_it_on_hold()
    {
        await RingingCallAsync();
        var talk = await _client.SendAsync(new PjsipNotifyAction { Endpoint = "1002", Variables = new Dictionary<string, string> { ["Event"] = "talk" } });
        Assert.Equal(("Success", "NOTIFY sent"), (talk.Response, talk.Text));
        var answered = await EventAsync("DialEnd", e => e["DestChannel"]?.StartsWith("PJSIP/1002-") == true);
        Assert.Equal("ANSWER", answered["DialStatus"]);

        var hold = await _client.SendAsync(new PjsipNotifyAction { Endpoint = "1002", Variables = new Dictionary<string, string> { ["Event"] = "hold" } });
        Assert.Equal("Success", hold.Response);
        var held = await EventAsync("Hold", _ => true);
        Assert.StartsWith("PJSIP/1002-", held["Channel"]);

        var unknown = await _client.SendAsync(new PjsipNotifyAction { Endpoint = "9999", Variables = new Dictionary<string, string> { ["Event"] = "talk" } });
        Assert.Equal(("Error", "Unable to retrieve endpoint 9999"), (unknown.Response, unknown.Text));
    }

    [Fact]
    public async Task PlayDTMF_raises_DTMFBegin_and_DTMFEnd_on_the_channel()
    {
        var channel = await RingingCallAsync();
        var played = await _client.SendAsync(new PlayDtmfAction { Channel = channel, Digit = "5" });
        Assert.Equal(("Success", "DTMF successfully queued"), (played.Response, played.Text));
        Assert.Equal("5", (await EventAsync("DTMFBegin", e => e["Channel"] == channel))["Digit"]);
        Assert.Equal("5", (await EventAsync("DTMFEnd", e => e["Channel"] == channel))["Digit"]);

        var nowhere = await _client.SendAsync(new PlayDtmfAction { Channel = "PJSIP/nobody-00000000", Digit = "5" });
        // app_senddtmf.c manager_play_dtmf (18.0.0): astman_send_error(s, m, "Channel not found").
        Assert.Equal(("Error", "Channel not found"), (nowhere.Response, nowhere.Text));
    }

    [Fact]
    public async Task MixMonitor_starts_a_recording_MixMonitorMute_raises_its_event_and_Pause_and_UnpauseMonitor_answer_as_res_monitor()
    {
        var channel = await RingingCallAsync();
        // app_mixmonitor.c (18): a channel that never had an audiohook cannot be muted (ast_audiohook_set_mute_all is -1).
        var early = await _client.SendAsync(new MixMonitorMuteAction { Channel = channel, Direction = "read", State = "1" });
        Assert.Equal(("Error", "Cannot set mute flag"), (early.Response, early.Text));
        var record = await _client.SendAsync(new MixMonitorAction { Channel = channel, File = "call-1001.wav" });
        Assert.Equal("Success", record.Response);
        var started = await EventAsync("MixMonitorStart", e => e["Channel"] == channel);
        Assert.Equal(channel, started["Channel"]);
        var mute = await _client.SendAsync(new MixMonitorMuteAction { Channel = channel, Direction = "read", State = "1" });
        Assert.Equal("Success", mute.Response);
        var muted = await EventAsync("MixMonitorMute", e => e["Channel"] == channel);
        Assert.Equal(("read", "1"), (muted["Direction"], muted["State"]));
        Assert.Equal("Success", (await _client.SendAsync(new StopMixMonitorAction { Channel = channel })).Response);
        await EventAsync("MixMonitorStop", e => e["Channel"] == channel);
        var again = await _client.SendAsync(new StopMixMonitorAction { Channel = channel });
        Assert.Equal(("Error", "Could not stop monitoring channel"), (again.Response, again.Text));

        Assert.Equal("Paused monitoring of the channel", (await _client.SendAsync(new PauseMonitorAction { Channel = channel })).Text);
        Assert.Equal("Unpaused monitoring of the channel", (await _client.SendAsync(new UnpauseMonitorAction { Channel = channel })).Text);
        var nowhere = await _client.SendAsync(new MixMonitorMuteAction { Channel = "PJSIP/nobody-00000000" });
        Assert.Equal(("Error", "No such channel"), (nowhere.Response, nowhere.Text));
    }
}
