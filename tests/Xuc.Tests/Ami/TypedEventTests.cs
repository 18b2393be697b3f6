using Xuc.Ami.Events;

namespace Xuc.Tests.Ami;

/// <summary>Each typed event parsed from text as Asterisk 18 writes it (the header order of the function named).</summary>
public sealed class TypedEventTests
{
    private const string PjsipBlock = """
        Channel: PJSIP/1001-00000004
        ChannelState: 6
        ChannelStateDesc: Up
        CallerIDNum: 1001
        CallerIDName: Alice
        ConnectedLineNum: 0612345678
        ConnectedLineName: <unknown>
        Language: en
        AccountCode: 
        Context: agents
        Exten: 3000
        Priority: 1
        Uniqueid: 1740666060.11
        Linkedid: 1740666060.9

        """;

    private static T Parse<T>(string text) where T : AmiEvent
    {
        var messages = AmiFramerTests.Parse(text.Replace("\r\n", "\n").Replace("\n", "\r\n") + "\r\n", banner: false);
        var single = Assert.Single(messages);
        return Assert.IsType<T>(AmiEvents.From(single));
    }

    private static string Channel(string eventName, string privilege, string extra = "")
        => $"Event: {eventName}\nPrivilege: {privilege}\n{PjsipBlock}{extra}";

    [Fact]
    public void SoftHangupRequest_with_and_without_a_cause()
    {
        var withCause = Parse<SoftHangupRequestEvent>(Channel("SoftHangupRequest", "call,all", "Cause: 16\n"));
        Assert.Equal(16, withCause.Cause);
        Assert.Null(withCause.TechCause);
        Assert.Equal("PJSIP/1001-00000004", withCause.Channel);
        var without = Parse<SoftHangupRequestEvent>(Channel("SoftHangupRequest", "call,all"));
        Assert.Null(without.Cause);
    }

    [Fact]
    public void HangupRequest_without_a_cause_reads_null_not_zero()
    {
        var e = Parse<HangupRequestEvent>(Channel("HangupRequest", "call,all"));
        Assert.Null(e.Cause);
        var normal = Parse<HangupRequestEvent>(Channel("HangupRequest", "call,all", "Cause: 0\nTechCause: 487\n"));
        Assert.Equal(0, normal.Cause);
        Assert.Equal(487, normal.TechCause);
    }

    [Fact]
    public void Hangup_always_has_a_cause_and_a_tech_cause_only_when_the_driver_gave_one()
    {
        var plain = Parse<HangupEvent>(Channel("Hangup", "call,all", "Cause: 16\nCause-txt: Normal Clearing\n"));
        Assert.Equal(16, plain.Cause);
        Assert.Equal("Normal Clearing", plain.CauseText);
        Assert.Null(plain.TechCause);
        var sip = Parse<HangupEvent>(Channel("Hangup", "call,all", "Cause: 21\nCause-txt: Call Rejected\nTechCause: 603\n"));
        Assert.Equal(603, sip.TechCause);
    }

    [Fact]
    public void BridgeCreate_and_BridgeDestroy_read_the_bridge_block()
    {
        const string block = """
            BridgeUniqueid: 5f0b4c1e-7a4c-4a4e-9e3a-1c2b3d4e5f60
            BridgeType: basic
            BridgeTechnology: simple_bridge
            BridgeCreator: <unknown>
            BridgeName: <unknown>
            BridgeNumChannels: 0
            BridgeVideoSourceMode: none

            """;
        var create = Parse<BridgeCreateEvent>("Event: BridgeCreate\nPrivilege: call,all\n" + block);
        Assert.Equal("5f0b4c1e-7a4c-4a4e-9e3a-1c2b3d4e5f60", create.BridgeUniqueid);
        Assert.Equal("basic", create.BridgeType);
        Assert.Equal("simple_bridge", create.BridgeTechnology);
        Assert.Equal(0, create.BridgeNumChannels);
        Assert.Equal("none", create.BridgeVideoSourceMode);
        Assert.Null(create.BridgeVideoSource);
        var destroy = Parse<BridgeDestroyEvent>("Event: BridgeDestroy\nPrivilege: call,all\n" + block);
        Assert.Equal("<unknown>", destroy.BridgeCreator);
    }

    private static string Local(string prefix, string channel, string uniqueid) => $"""
        {prefix}Channel: {channel}
        {prefix}ChannelState: 6
        {prefix}ChannelStateDesc: Up
        {prefix}CallerIDNum: 0612345678
        {prefix}CallerIDName: <unknown>
        {prefix}ConnectedLineNum: 1001
        {prefix}ConnectedLineName: Alice
        {prefix}Language: en
        {prefix}AccountCode: 
        {prefix}Context: agents
        {prefix}Exten: 1001
        {prefix}Priority: 1
        {prefix}Uniqueid: {uniqueid}
        {prefix}Linkedid: 1740666060.9

        """;

    [Fact]
    public void LocalBridge_reads_both_halves_and_the_optimisation_flag()
    {
        var e = Parse<LocalBridgeEvent>("Event: LocalBridge\nPrivilege: call,all\n"
            + Local("LocalOne", "Local/1001@agents-00000002;1", "1740666060.12")
            + Local("LocalTwo", "Local/1001@agents-00000002;2", "1740666060.13")
            + "Context: agents\nExten: 1001\nLocalOptimization: No\n");
        Assert.Equal("Local/1001@agents-00000002;1", e.LocalOne.Channel);
        Assert.Equal("1740666060.13", e.LocalTwo.Uniqueid);
        Assert.Equal(6, e.LocalTwo.ChannelState);
        Assert.Equal("agents", e.Context);
        Assert.Equal("1001", e.Exten);
        Assert.False(e.LocalOptimization);
    }

    [Fact]
    public void LocalOptimizationBegin_with_and_without_a_source_and_End()
    {
        var halves = Local("LocalOne", "Local/1001@agents-00000002;1", "1740666060.12")
            + Local("LocalTwo", "Local/1001@agents-00000002;2", "1740666060.13");
        var begin = Parse<LocalOptimizationBeginEvent>("Event: LocalOptimizationBegin\nPrivilege: call,all\n" + halves
            + Local("Source", "PJSIP/1001-00000004", "1740666060.14") + "DestUniqueId: 1740666060.11\nId: 7\n");
        Assert.True(begin.Source.IsPresent);
        Assert.Equal("PJSIP/1001-00000004", begin.Source.Channel);
        Assert.Equal("1740666060.11", begin.DestUniqueId);
        Assert.Equal(7, begin.Id);
        var noSource = Parse<LocalOptimizationBeginEvent>("Event: LocalOptimizationBegin\nPrivilege: call,all\n" + halves + "DestUniqueId: 1740666060.11\nId: 8\n");
        Assert.False(noSource.Source.IsPresent);
        Assert.Null(noSource.Source.ChannelState);
        var end = Parse<LocalOptimizationEndEvent>("Event: LocalOptimizationEnd\nPrivilege: call,all\n" + halves + "Success: Yes\nId: 7\n");
        Assert.True(end.Success);
        Assert.Equal(7, end.Id);
        Assert.Equal("Local/1001@agents-00000002;1", end.LocalOne.Channel);
    }

    [Fact]
    public void Newexten_reads_the_dialplan_step()
    {
        var e = Parse<NewextenEvent>(Channel("Newexten", "dialplan,all", "Extension: 3000\nApplication: Queue\nAppData: sales,tr,,,300\n"));
        Assert.Equal("3000", e.Extension);
        Assert.Equal("Queue", e.Application);
        Assert.Equal("sales,tr,,,300", e.AppData);
        Assert.Equal("agents", e.Context);
    }

    [Fact]
    public void MusicOnHold_start_and_stop()
    {
        var start = Parse<MusicOnHoldStartEvent>(Channel("MusicOnHoldStart", "call,all", "Class: default\n"));
        Assert.Equal("default", start.Class);
        var stop = Parse<MusicOnHoldStopEvent>(Channel("MusicOnHoldStop", "call,all"));
        Assert.Equal("1740666060.11", stop.Uniqueid);
    }

    [Fact]
    public void DTMF_begin_and_end()
    {
        var begin = Parse<DTMFBeginEvent>(Channel("DTMFBegin", "dtmf,all", "Digit: 5\nDirection: Received\n"));
        Assert.Equal("5", begin.Digit);
        Assert.Equal("Received", begin.Direction);
        var end = Parse<DTMFEndEvent>(Channel("DTMFEnd", "dtmf,all", "Digit: #\nDurationMs: 120\nDirection: Sent\n"));
        Assert.Equal("#", end.Digit);
        Assert.Equal(120, end.DurationMs);
        Assert.Equal("Sent", end.Direction);
    }

    [Fact]
    public void PeerStatus_with_and_without_its_optional_headers()
    {
        var full = Parse<PeerStatusEvent>("Event: PeerStatus\nPrivilege: system,all\nChannelType: SIP\nPeer: SIP/1001\nPeerStatus: Registered\nAddress: 192.168.1.20:5060\nPort: 5060\n");
        Assert.Equal("SIP", full.ChannelType);
        Assert.Equal("SIP/1001", full.Peer);
        Assert.Equal("Registered", full.PeerStatus);
        Assert.Equal("192.168.1.20:5060", full.Address);
        Assert.Equal(5060, full.Port);
        Assert.Null(full.Time);
        var bare = Parse<PeerStatusEvent>("Event: PeerStatus\nPrivilege: system,all\nChannelType: PJSIP\nPeer: PJSIP/1001\nPeerStatus: Unreachable\n");
        Assert.Null(bare.Cause);
        Assert.Null(bare.Port);
    }

    [Fact]
    public void ContactStatus_with_and_without_a_round_trip()
    {
        var e = Parse<ContactStatusEvent>("Event: ContactStatus\nPrivilege: system,all\nURI: sip:1001@192.168.1.20:5060;ob\nContactStatus: Reachable\nAOR: 1001\nEndpointName: 1001\nRoundtripUsec: 1843\n");
        Assert.Equal("sip:1001@192.168.1.20:5060;ob", e.Uri);
        Assert.Equal("Reachable", e.ContactStatus);
        Assert.Equal("1001", e.Aor);
        Assert.Equal("1001", e.EndpointName);
        Assert.Equal(1843, e.RoundtripUsec);
        var removed = Parse<ContactStatusEvent>("Event: ContactStatus\nPrivilege: system,all\nURI: sip:1001@192.168.1.20:5060;ob\nContactStatus: Removed\nAOR: 1001\nEndpointName: 1001\n");
        Assert.Null(removed.RoundtripUsec);
    }

    [Fact]
    public void NewCallerid_reads_the_presentation()
    {
        var e = Parse<NewCalleridEvent>(Channel("NewCallerid", "call,all", "CID-CallingPres: 0 (Presentation Allowed, Not Screened)\n"));
        Assert.Equal("0 (Presentation Allowed, Not Screened)", e.CallingPres);
        Assert.Equal("Alice", e.CallerIdName);
    }

    [Fact]
    public void Rename_has_no_channel_block()
    {
        var e = Parse<RenameEvent>("Event: Rename\nPrivilege: call,all\nChannel: Local/1001@agents-00000002;2\nNewname: Local/1001@agents-00000002;2<ZOMBIE>\nUniqueid: 1740666060.13\n");
        Assert.Equal("Local/1001@agents-00000002;2", e.Channel);
        Assert.Equal("Local/1001@agents-00000002;2<ZOMBIE>", e.NewName);
        Assert.Equal("1740666060.13", e.Uniqueid);
    }

    [Fact]
    public void Cdr_answered_and_unanswered()
    {
        const string answered = """
            Event: Cdr
            Privilege: cdr,all
            AccountCode: 
            Source: 0612345678
            Destination: 3000
            DestinationContext: from-external
            CallerID: "" <0612345678>
            Channel: PJSIP/trunk-00000003
            DestinationChannel: Local/1001@agents-00000002;1
            LastApplication: Queue
            LastData: sales,tr,,,300
            StartTime: 2026-11-28 02:11:31
            AnswerTime: 2026-11-28 02:11:35
            EndTime: 2026-11-28 02:13:02
            Duration: 91
            BillableSeconds: 87
            Disposition: ANSWERED
            AMAFlags: DOCUMENTATION
            UniqueID: 1740666060.9
            UserField: 

            """;
        var e = Parse<CdrEvent>(answered);
        Assert.Equal("0612345678", e.Source);
        Assert.Equal("3000", e.Destination);
        Assert.Equal("Local/1001@agents-00000002;1", e.DestinationChannel);
        Assert.Equal("2026-11-28 02:11:35", e.AnswerTime);
        Assert.Equal(91, e.Duration);
        Assert.Equal(87, e.BillableSeconds);
        Assert.Equal("ANSWERED", e.Disposition);
        Assert.Equal("1740666060.9", e.UniqueId);
        var missed = Parse<CdrEvent>(answered.Replace("AnswerTime: 2026-11-28 02:11:35", "AnswerTime: ").Replace("ANSWERED", "NO ANSWER"));
        Assert.Null(missed.AnswerTime);
        Assert.Equal("NO ANSWER", missed.Disposition);
    }

    [Fact]
    public void A_queue_member_block_from_Asterisk_13_has_no_wrapup_time()
    {
        var e = Parse<QueueMemberStatusEvent>("Event: QueueMemberStatus\nPrivilege: agent,all\nQueue: sales\nMemberName: Alice\nInterface: SIP/1001\nStateInterface: SIP/1001\nMembership: static\nPenalty: 0\nCallsTaken: 3\nLastCall: 1740666000\nStatus: 1\nPaused: 0\n");
        Assert.Null(e.WrapupTime);
        Assert.Null(e.Ringinuse);
        Assert.Null(e.InCall);
        Assert.Null(e.PausedReason);
        Assert.Equal(3, e.CallsTaken);
        var e18 = Parse<QueueMemberStatusEvent>("Event: QueueMemberStatus\nPrivilege: agent,all\nQueue: sales\nMemberName: Alice\nInterface: PJSIP/1001\nStateInterface: PJSIP/1001\nMembership: dynamic\nPenalty: 0\nCallsTaken: 0\nLastCall: 0\nLastPause: 0\nLoginTime: 1740666000\nInCall: 0\nStatus: 1\nPaused: 0\nPausedReason: \nRinginuse: 0\nWrapuptime: 0\n");
        Assert.Equal(0, e18.WrapupTime);
        Assert.Equal(0, e18.Ringinuse);
        Assert.Equal(1740666000, e18.LoginTime);
        Assert.Equal("", e18.PausedReason);
    }

    [Fact]
    public void Every_known_name_maps_to_its_own_class()
    {
        foreach (var name in AmiEvents.Known)
        {
            var e = AmiEvents.From(Xuc.Ami.Framing.AmiMessage.From(("Event", name)));
            Assert.IsNotType<UnknownEvent>(e);
        }
        Assert.Equal(AmiEvents.Known.Count, AmiEvents.Known.Distinct().Count());
    }
}
