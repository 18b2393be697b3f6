using Xuc.Actors.Ami;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;

namespace Xuc.Tests.Actors;

public sealed class EntityStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("PJSIP/1001-0000000a", "PJSIP/1001")]
    [InlineData("SIP/abc-def-00000001", "SIP/abc-def")]
    [InlineData("PJSIP/1001", "PJSIP/1001")]
    [InlineData("Local/3000@default-00000001;1", null)]
    [InlineData("", null)]
    [InlineData("garbage", null)]
    public void Device_is_the_channel_less_its_suffix(string channel, string? device)
        => Assert.Equal(device, DeviceName.FromChannel(channel));

    [Fact]
    public void A_line_follows_its_channels_from_creation_to_hangup()
    {
        var s = LineState.Empty("PJSIP/1001")
            .Apply(AmiEventData.Of("Newchannel", ("Channel", "PJSIP/1001-00000001"), ("ChannelState", "4"), ("Uniqueid", "1.1"), ("Linkedid", "1.1"), ("CallerIDNum", "1001")))
            .Apply(AmiEventData.Of("Newstate", ("Channel", "PJSIP/1001-00000001"), ("ChannelState", "6"), ("Uniqueid", "1.1"), ("ConnectedLineNum", "1002")))
            .Apply(AmiEventData.Of("Hold", ("Uniqueid", "1.1")));
        var c = Assert.Single(s.Channels.Values);
        Assert.Equal(6, c.State);
        Assert.Equal("1002", c.ConnectedNum);
        Assert.Equal("1001", c.CallerIdNum);
        Assert.True(c.OnHold);
        Assert.Same(s, s.Apply(AmiEventData.Of("Newstate", ("Uniqueid", "unknown"))));
        Assert.Empty(s.Apply(AmiEventData.Of("Hangup", ("Uniqueid", "1.1"))).Channels);
    }

    /// <summary>
    /// ExtensionStatus (live, and the resync's ExtensionStateList items) gives a line its device state, from the
    /// numeric hint state of ast_extension_state (bits: 1 in use, 2 busy, 4 unavailable, 8 ringing, 16 on hold).
    /// </summary>
    [Theory]
    [InlineData("0", "Idle", "NOT_INUSE")]
    [InlineData("1", "InUse", "INUSE")]
    [InlineData("2", "Busy", "BUSY")]
    [InlineData("4", "Unavailable", "UNAVAILABLE")]
    [InlineData("8", "Ringing", "RINGING")]
    [InlineData("9", "InUse&Ringing", "RINGINUSE")]
    [InlineData("16", "Hold", "ONHOLD")]
    [InlineData("17", "InUse&Hold", "ONHOLD")]
    [InlineData("-1", "Removed", "INVALID")]
    [InlineData("-2", "Deactivated", "INVALID")]
    public void An_extension_status_sets_the_lines_device_state(string status, string text, string deviceState)
        => Assert.Equal(deviceState, LineState.Empty("PJSIP/1012")
            .Apply(AmiEventData.Of("ExtensionStatus", ("Exten", "1012"), ("Context", "default"), ("Hint", "PJSIP/1012"), ("Status", status), ("StatusText", text)))
            .DeviceState);

    [Fact]
    public void An_extension_status_the_line_cannot_read_keeps_its_device_state()
    {
        var busy = LineState.Empty("PJSIP/1012").Apply(AmiEventData.Of("DeviceStateChange", ("Device", "PJSIP/1012"), ("State", "BUSY")));
        Assert.Same(busy, busy.Apply(AmiEventData.Of("ExtensionStatus", ("Hint", "PJSIP/1012"), ("Status", "x"))));
        Assert.Same(busy, busy.Apply(AmiEventData.Of("ExtensionStatus", ("Hint", "PJSIP/1012"))));
    }

    [Fact]
    public void A_queue_counts_waiting_abandoned_and_answered_calls_and_tracks_members()
    {
        var s = QueueState.Empty("sales")
            .Apply(AmiEventData.Of("QueueCallerJoin", ("Queue", "sales"), ("Uniqueid", "a"), ("Position", "1")), T0)
            .Apply(AmiEventData.Of("QueueCallerJoin", ("Queue", "sales"), ("Uniqueid", "b"), ("Position", "2")), T0)
            .Apply(AmiEventData.Of("QueueCallerAbandon", ("Queue", "sales"), ("Uniqueid", "a")), T0)
            .Apply(AmiEventData.Of("AgentConnect", ("Queue", "sales"), ("Uniqueid", "b")), T0)
            .Apply(AmiEventData.Of("QueueCallerLeave", ("Queue", "sales"), ("Uniqueid", "b")), T0)
            .Apply(AmiEventData.Of("QueueMemberAdded", ("Queue", "sales"), ("Interface", "PJSIP/1001"), ("Penalty", "2"), ("Paused", "0")), T0)
            .Apply(AmiEventData.Of("QueueMemberPause", ("Queue", "sales"), ("Interface", "PJSIP/1001"), ("Paused", "1"), ("PausedReason", "lunch")), T0)
            .Apply(AmiEventData.Of("QueueMemberPause", ("Queue", "sales"), ("Interface", "PJSIP/9999"), ("Paused", "1")), T0);
        Assert.Empty(s.Waiting);
        Assert.Equal(1, s.Abandoned);
        Assert.Equal(1, s.Answered);
        var m = Assert.Single(s.Members.Values);
        Assert.Equal((2, true, "lunch"), (m.Penalty, m.Paused, m.PausedReason));
        Assert.Empty(s.Apply(AmiEventData.Of("QueueMemberRemoved", ("Queue", "sales"), ("Interface", "PJSIP/1001")), T0).Members);
    }

    [Fact]
    public void An_agent_is_ready_paused_ringing_on_call_and_ready_again()
    {
        var s = AgentState.Empty("7");
        Assert.Equal(AgentStatus.LoggedOut, s.Apply(AmiEventData.Of("AgentCalled"), T0).Status);
        s = s.Apply(new AgentLoggedIn("7", "1001", "PJSIP/1001", T0));
        Assert.Equal(AgentStatus.Ready, s.Status);
        s = s.Apply(new AgentPaused("7", "lunch", T0));
        Assert.Equal(AgentStatus.Paused, s.Status);
        s = s.Apply(new AgentUnpaused("7", T0)).Apply(AmiEventData.Of("AgentCalled"), T0);
        Assert.Equal(AgentStatus.Ringing, s.Status);
        s = s.Apply(AmiEventData.Of("AgentConnect"), T0);
        Assert.Equal(AgentStatus.OnCall, s.Status);
        s = s.Apply(AmiEventData.Of("AgentComplete"), T0);
        Assert.Equal(AgentStatus.Ready, s.Status);
        Assert.Equal(AgentStatus.LoggedOut, s.Apply(new AgentLoggedOut("7", T0)).Status);
    }
}

public sealed class ReconcileTests
{
    [Fact]
    public void Reconciling_drops_what_the_pbx_no_longer_lists_and_keeps_the_rest()
    {
        var line = LineState.Empty("PJSIP/1001")
            .Apply(AmiEventData.Of("Newchannel", ("Uniqueid", "a"), ("Channel", "PJSIP/1001-1")))
            .Apply(AmiEventData.Of("Newchannel", ("Uniqueid", "b"), ("Channel", "PJSIP/1001-2")));
        Assert.Equal(["b"], line.Reconcile(["b", "zzz"]).Channels.Keys);
        Assert.Same(line, line.Reconcile(["a", "b"]));

        var now = DateTimeOffset.UtcNow;
        var queue = QueueState.Empty("sales")
            .Apply(AmiEventData.Of("QueueCallerJoin", ("Uniqueid", "c1")), now)
            .Apply(AmiEventData.Of("QueueMemberAdded", ("Interface", "PJSIP/1001")), now)
            .Apply(AmiEventData.Of("QueueMemberAdded", ("Interface", "PJSIP/1002")), now);
        var after = queue.Reconcile([], ["pjsip/1002"]);
        Assert.Empty(after.Waiting);
        Assert.Equal(["PJSIP/1002"], after.Members.Keys);
    }
}
