using Xuc.Actors.Ami;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using LineConfig = Xuc.Actors.Configuration.Model.Line;

namespace Xuc.Tests.Actors;

/// <summary>
/// A line's channels as PhoneEvents (LineState + PhoneCalls), fed with the headers Asterisk sends: a call the phone
/// places starts in state 4 Ring; one it receives starts Down, then 5 Ringing; NewConnectedLine names the other party.
/// </summary>
public sealed class PhoneCallTests
{
    private static readonly IReadOnlyDictionary<string, string> NoData = PhoneCall.Empty;

    private static AmiEventData Channel(string name, string channel, string uid, string state, string linked, params (string, string)[] more)
        => AmiEventData.Of(name, [("Channel", channel), ("ChannelState", state), ("Uniqueid", uid), ("Linkedid", linked), .. more]);

    private static PhoneCall Only(LineState s) => Assert.Single(s.Channels.Values.Select(s.PhoneCallOf).OfType<PhoneCall>());

    [Theory]
    [InlineData("PJSIP/1001", "PJSIP/1001-00000001")]
    [InlineData("SIP/1001", "SIP/1001-00000001")]
    public void A_call_the_phone_places_is_dialing_outgoing_to_the_dialled_number_then_established_with_the_connected_party(string line, string channel)
    {
        var dialing = LineState.Empty(line)
            .Apply(Channel("Newchannel", channel, "1.1", "4", "1.1", ("CallerIDNum", "1001"), ("ConnectedLineNum", "<unknown>"), ("ConnectedLineName", "<unknown>"), ("Exten", "1002")));
        Assert.Equal(new PhoneCall("EventDialing", "1001", "1002", "", "1.1", "1.1", null, "Outgoing", NoData), Only(dialing));

        var up = dialing
            .Apply(Channel("Newstate", channel, "1.1", "6", "1.1"))
            .Apply(Channel("NewConnectedLine", channel, "1.1", "6", "1.1", ("ConnectedLineNum", "1002"), ("ConnectedLineName", "Eve Moneypenny")));
        Assert.Equal(new PhoneCall("EventEstablished", "1001", "1002", "Eve Moneypenny", "1.1", "1.1", null, "Outgoing", NoData), Only(up));

        var held = up.Apply(AmiEventData.Of("Hold", ("Uniqueid", "1.1")));
        Assert.Equal("EventOnHold", Only(held).EventType);
        Assert.Equal("EventEstablished", Only(held.Apply(AmiEventData.Of("Unhold", ("Uniqueid", "1.1")))).EventType);
    }

    [Fact]
    public void A_call_the_phone_receives_is_not_shown_while_down_then_ringing_incoming_from_the_caller()
    {
        var down = LineState.Empty("PJSIP/1002")
            .Apply(Channel("Newchannel", "PJSIP/1002-00000002", "1.2", "0", "1.1", ("CallerIDNum", "1002"), ("ConnectedLineNum", "<unknown>"), ("Exten", "1002")));
        Assert.Null(down.PhoneCallOf(down.Channels["1.2"]));

        var ringing = down
            .Apply(AmiEventData.Of("DialBegin", ("Channel", "PJSIP/1001-00000001"), ("Uniqueid", "1.1"), ("DestChannel", "PJSIP/1002-00000002"), ("DestUniqueid", "1.2")))
            .Apply(Channel("Newstate", "PJSIP/1002-00000002", "1.2", "5", "1.1", ("ConnectedLineNum", "1001"), ("ConnectedLineName", "James Bond")));
        Assert.Equal(new PhoneCall("EventRinging", "1002", "1001", "James Bond", "1.1", "1.2", null, "Incoming", NoData), Only(ringing));
        long seq = 1;
        Assert.Equal(new LineCallEnded("PJSIP/1002", 2, "1.2", Only(ringing) with { EventType = "EventReleased" }),
            LineDeltas.Between(ringing, ringing.Apply(AmiEventData.Of("Hangup", ("Uniqueid", "1.2"))), ref seq).Single());
    }

    /// <summary>
    /// An Originate rings the phone first (Down, then Ringing, with no DialBegin naming it: no application asked for it):
    /// the user's outgoing call from then on, never with his own number (Asterisk's connected line on the leg is the
    /// Originate's caller id); dialing while he picks up and the destination rings; established when it answers.
    /// </summary>
    [Fact]
    public void An_originated_call_is_the_users_outgoing_call_dialing_until_the_destination_answers()
    {
        var s = LineState.Empty("PJSIP/1001")
            .Apply(Channel("Newchannel", "PJSIP/1001-00000001", "1.1", "0", "1.1", ("Exten", "s"), ("CallerIDNum", "1001"), ("ConnectedLineNum", "1001"), ("ConnectedLineName", "James Bond")))
            .Apply(Channel("Newstate", "PJSIP/1001-00000001", "1.1", "5", "1.1", ("Exten", "1003")));
        Assert.Equal(new PhoneCall("EventDialing", "1001", "1003", "", "1.1", "1.1", null, "Outgoing", NoData), Only(s));
        s = s.Apply(Channel("Newstate", "PJSIP/1001-00000001", "1.1", "6", "1.1"))
            .Apply(AmiEventData.Of("DialBegin", ("Channel", "PJSIP/1001-00000001"), ("Uniqueid", "1.1"), ("Exten", "1003"), ("DestChannel", "PJSIP/1003-00000002"), ("DestUniqueid", "1.2")));
        Assert.Equal(new PhoneCall("EventDialing", "1001", "1003", "", "1.1", "1.1", null, "Outgoing", NoData), Only(s));
        s = s.Apply(AmiEventData.Of("DialEnd", ("Channel", "PJSIP/1001-00000001"), ("Uniqueid", "1.1"), ("DestUniqueid", "1.2"), ("DialStatus", "ANSWER")))
            .Apply(Channel("NewConnectedLine", "PJSIP/1001-00000001", "1.1", "6", "1.1", ("ConnectedLineNum", "1003"), ("ConnectedLineName", "Q Boothroyd")));
        Assert.Equal(new PhoneCall("EventEstablished", "1001", "1003", "Q Boothroyd", "1.1", "1.1", null, "Outgoing", NoData), Only(s));
    }

    /// <summary>Asterisk 12+ publishes the Originate's own dial: a DialBegin with no dialling channel, the leg as DestChannel.</summary>
    [Fact]
    public void The_originates_own_DialBegin_makes_its_leg_outgoing_and_an_application_originate_is_established_once_answered()
    {
        var s = LineState.Empty("PJSIP/1011")
            .Apply(Channel("Newchannel", "PJSIP/1011-00000001", "2.1", "0", "2.1", ("Exten", "")))
            .Apply(AmiEventData.Of("DialBegin", ("DestChannel", "PJSIP/1011-00000001"), ("DestUniqueid", "2.1"), ("DestExten", ""), ("DialString", "1011")))
            .Apply(Channel("Newstate", "PJSIP/1011-00000001", "2.1", "5", "2.1"));
        Assert.Equal(("EventDialing", "Outgoing", ""), (Only(s).EventType, Only(s).CallDirection, Only(s).OtherDn));
        Assert.Equal("EventEstablished", Only(s.Apply(Channel("Newstate", "PJSIP/1011-00000001", "2.1", "6", "2.1"))).EventType);
    }

    /// <summary>
    /// A resync's CoreShowChannel for a channel never seen: app_dial's and app_queue's requested channels run AppDial /
    /// AppQueue (incoming); a channel in Ring or running its own application was placed by the phone.
    /// </summary>
    [Theory]
    [InlineData("6", "AppDial", "Incoming")]
    [InlineData("5", "AppQueue", "Incoming")]
    [InlineData("4", "Dial", "Outgoing")]
    [InlineData("6", "Dial", "Outgoing")]
    [InlineData("5", "", "Incoming")]
    public void A_channel_learnt_from_a_resync_gets_its_direction_from_its_application(string state, string application, string direction)
    {
        var s = LineState.Empty("PJSIP/1001").Apply(Channel("CoreShowChannel", "PJSIP/1001-00000001", "1.1", state, "1.1", ("Application", application), ("Exten", "1002")));
        Assert.Equal(direction, s.Channels["1.1"].Direction);
    }

    [Fact]
    public void The_calls_context_gives_its_channels_on_the_line_the_queue_and_data_and_the_configured_number_is_the_DN()
    {
        var s = LineState.Empty("PJSIP/1001") with { Config = new LineConfig { Id = 1, Number = "2001", Interface = "PJSIP/1001" } };
        s = s.Apply(Channel("Newchannel", "PJSIP/1001-00000001", "1.2", "0", "1.1"))
            .Apply(Channel("Newchannel", "PJSIP/1001-00000002", "1.3", "0", "9.9"))
            .Apply(AmiEventData.Of("DialBegin", ("Channel", "Local/1001@agents-00000001;2"), ("Uniqueid", "1.5"), ("DestChannel", "PJSIP/1001-00000001"), ("DestUniqueid", "1.2")))
            .Apply(AmiEventData.Of("DialBegin", ("Channel", "PJSIP/1002-00000009"), ("Uniqueid", "9.9"), ("DestChannel", "PJSIP/1001-00000002"), ("DestUniqueid", "1.3")))
            .Apply(Channel("Newstate", "PJSIP/1001-00000001", "1.2", "5", "1.1", ("ConnectedLineNum", "0612345678")))
            .Apply(Channel("Newstate", "PJSIP/1001-00000002", "1.3", "5", "9.9"));
        var data = new Dictionary<string, string> { ["USR_DATA1"] = "hello" };
        var withContext = s.Apply(new LineCallContext("PJSIP/1001", "1.1", "hotline", data));
        Assert.Equal(new PhoneCall("EventRinging", "2001", "0612345678", "", "1.1", "1.2", "hotline", "Incoming", data), withContext.PhoneCallOf(withContext.Channels["1.2"]));
        Assert.Null(withContext.Channels["1.3"].QueueName);
        // The same context again changes nothing (a resync resends it).
        Assert.Same(withContext, withContext.Apply(new LineCallContext("PJSIP/1001", "1.1", "hotline", new Dictionary<string, string>(data))));
    }
}
