using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Phone;
using Xuc.Ami.Actions;
using static Xuc.Actors.Sessions.Phone.PhoneCommands;
using Channel = Xuc.Actors.Entities.Line.Channel;

namespace Xuc.Tests.Actors;

/// <summary>Phone commands → AMI actions, as plain functions (no actors, no PBX): each action compared whole, as written.</summary>
public sealed class PhoneCommandsTests
{
    private static readonly Line Line1001 = new() { Id = 1, Number = "1001", Interface = "PJSIP/1001", Context = "default" };
    private static readonly User James = new() { Id = 7, Login = "jbond", FirstName = "James", LastName = "Bond", MobileNumber = "06 12 34 56 78" };

    private static Channel Call(string uid, int state, bool held = false, string linked = "1700000000.1")
        => new(uid, linked, $"PJSIP/1001-{uid[(uid.IndexOf('.') + 1)..].PadLeft(8, '0')}", state, "1001", "James Bond", "1002", "", held);

    private static string Wire(AmiAction a) => a.ToWire(null);

    private static PhoneCommandRefused Refused(Action act) => Assert.Throws<PhoneCommandRefused>(act);

    [Fact]
    public void Dial_originates_from_the_users_phone_to_the_destination_presenting_the_user_with_USR_data()
    {
        var frame = JObject.Parse("""{"destination":"+33 (0)6 12.34-56","variables":{"ticket":42,"USR_lang":"fr","vip":true}}""");
        var action = DialFromPhone(James, Line1001, PhoneArguments.Destination(Dial, frame), PhoneArguments.Variables(Dial, frame, forOriginate: true));
        Assert.Equal("Action: Originate\r\nChannel: PJSIP/1001\r\nExten: +3306123456\r\nContext: default\r\nPriority: 1\r\nTimeout: 30000\r\n"
                     + "CallerID: \"James Bond\" <1001>\r\nAsync: true\r\nVariable: USR_ticket=42\r\nVariable: USR_lang=fr\r\nVariable: USR_vip=true\r\n\r\n", Wire(action));
    }

    [Fact]
    public void Bad_destinations_and_variables_are_InvalidArgument_naming_the_command()
    {
        Assert.Equal(CtiErrors.InvalidArgument, Refused(() => PhoneArguments.Destination(Dial, JObject.Parse("""{"destination":"10;02"}"""))).Code);
        Assert.Contains("dial: 'destination'", Refused(() => PhoneArguments.Destination(Dial, JObject.Parse("""{"destination":" "}"""))).Message);
        Assert.Contains("comma", Refused(() => PhoneArguments.Variables(Dial, JObject.Parse("""{"variables":{"a":"x,y"}}"""), true)).Message);
        Assert.Single(PhoneArguments.Variables(SetData, JObject.Parse("""{"variables":{"a":"x,y"}}"""), false));
        Assert.Contains("'a b'", Refused(() => PhoneArguments.Variables(SetData, JObject.Parse("""{"variables":{"a b":"1"}}"""), false)).Message);
        Assert.Contains("must be a string", Refused(() => PhoneArguments.Variables(SetData, JObject.Parse("""{"variables":{"a":{"b":1}}}"""), false)).Message);
        Assert.Equal("#", PhoneArguments.Key(SendDtmf, JObject.Parse("""{"key":"#"}""")));
        Assert.Contains("one DTMF key", Refused(() => PhoneArguments.Key(SendDtmf, JObject.Parse("""{"key":"12"}"""))).Message);
        Assert.Equal(3, PhoneArguments.QueueId(DialFromQueue, JObject.Parse("""{"queueId":"3"}""")));
        Assert.Contains("'queueId'", Refused(() => PhoneArguments.QueueId(DialFromQueue, JObject.Parse("""{"queueId":"x"}"""))).Message);
    }

    [Fact]
    public void DialFromMobile_calls_the_mobile_through_a_Local_channel_and_needs_a_mobile_number()
    {
        Assert.Equal("Action: Originate\r\nChannel: Local/0612345678@default\r\nExten: 1002\r\nContext: default\r\nPriority: 1\r\nTimeout: 30000\r\n"
                     + "CallerID: \"James Bond\" <1001>\r\nAsync: true\r\n\r\n", Wire(DialFromMobilePhone(James, Line1001, "1002", [])));
        var refused = Refused(() => DialFromMobilePhone(James with { MobileNumber = null }, Line1001, "1002", []));
        Assert.Equal((PhoneErrors.NoMobileNumber, "dialFromMobile: jbond has no mobile number"), (refused.Code, refused.Message));
    }

    [Fact]
    public void DialFromQueue_enters_the_queue_with_a_Local_channel_that_then_calls_the_destination()
    {
        var queue = new Queue { Id = 1, Name = "sales", Number = "3000", Context = "queues" };
        Assert.Equal("Action: Originate\r\nChannel: Local/3000@queues\r\nExten: 0123456789\r\nContext: queues\r\nPriority: 1\r\nTimeout: 30000\r\n"
                     + "CallerID: \"Sales\" <0800123123>\r\nAsync: true\r\nVariable: USR_campaign=spring\r\n\r\n",
            Wire(DialFromQueueMember(queue, "0123456789", "Sales", "0800123123", [new("USR_campaign", "spring")])));
        Assert.DoesNotContain("CallerID", Wire(DialFromQueueMember(queue, "0123456789", "", "", [])));
    }

    [Fact]
    public void Hangup_acts_on_the_named_call_or_the_one_talking_then_dialing_ringing_held()
    {
        var held = Call("1700000000.1", 6, held: true);
        var talking = Call("1700000000.5", 6);
        var ringing = Call("1700000000.9", 5);
        Assert.Equal($"Action: Hangup\r\nChannel: {talking.Name}\r\n\r\n", Wire(HangupCall([ringing, held, talking], null)));
        Assert.Equal(ringing.Name, HangupCall([ringing, held], null).Channel);
        Assert.Equal(held.Name, HangupCall([held], null).Channel);
        Assert.Equal(held.Name, HangupCall([held, talking], held.UniqueId).Channel);
        var refused = Refused(() => HangupCall([talking], "1700000000.77"));
        Assert.Equal((PhoneErrors.NoSuchCall, "hangup: no call 1700000000.77 on your line"), (refused.Code, refused.Message));
        Assert.Equal("hangup: no call on your line", Refused(() => HangupCall([], null)).Message);
    }

    [Fact]
    public void The_creation_order_reads_asterisks_uniqueid_with_or_without_a_system_name()
    {
        Assert.True(CreationOrder("1700000000.10").CompareTo(CreationOrder("1700000000.9")) > 0);
        Assert.Equal((1700000001L, 2L), CreationOrder("pbx-eu1-1700000001.2"));
        var older = Call("1700000000.9", 6);
        var newer = Call("1700000000.10", 6);
        Assert.Equal(newer.Name, HangupCall([newer, older], null).Channel);
    }

    [Fact]
    public void Answer_and_hold_notify_the_phone_with_talk_and_hold_PJSIP_or_chan_sip_and_need_a_fitting_call()
    {
        var ringing = Call("1700000000.3", 5);
        var talking = Call("1700000000.5", 6);
        Assert.Equal("Action: PJSIPNotify\r\nEndpoint: 1001\r\nVariable: Event=talk\r\n\r\n", Wire(AnswerCall(Line1001, [ringing], null)));
        Assert.Equal("Action: PJSIPNotify\r\nEndpoint: 1001\r\nVariable: Event=hold\r\n\r\n", Wire(HoldCall(Line1001, [talking], null)));
        var sip = Line1001 with { Interface = "SIP/1001" };
        Assert.Equal("Action: SIPnotify\r\nChannel: 1001\r\nVariable: Event=talk\r\n\r\n", Wire(AnswerCall(sip, [ringing], null)));
        Assert.Equal((PhoneErrors.NoSuchCall, "hold: no call to hold"), Pair(Refused(() => HoldCall(Line1001, [ringing], null))));
        Assert.Equal((PhoneErrors.NoSuchCall, "answer: no call is ringing"), Pair(Refused(() => AnswerCall(Line1001, [talking], null))));
        Assert.Equal(PhoneErrors.NoSuchCall, Refused(() => AnswerCall(Line1001, [talking], talking.UniqueId)).Code);
        Assert.Equal(PhoneErrors.NotControllable, Refused(() => AnswerCall(Line1001 with { Interface = "IAX2/1001" }, [ringing], null)).Code);
    }

    private static (string, string) Pair(PhoneCommandRefused r) => (r.Code, r.Message);

    [Fact]
    public void Transfers_and_dtmf_act_on_the_call_talking_or_else_the_held_one()
    {
        var held = Call("1700000000.1", 6, held: true);
        var talking = Call("1700000000.5", 6);
        Assert.Equal($"Action: BlindTransfer\r\nChannel: {held.Name}\r\nExten: 1003\r\nContext: default\r\n\r\n", Wire(BlindTransfer(Line1001, [held], "1003")));
        Assert.Equal($"Action: Atxfer\r\nChannel: {talking.Name}\r\nExten: 1003\r\nContext: default\r\n\r\n", Wire(StartAttendedTransfer(Line1001, [held, talking], "1003")));
        Assert.Equal($"Action: PlayDTMF\r\nChannel: {talking.Name}\r\nDigit: 5\r\nReceive: true\r\n\r\n", Wire(Dtmf([held, talking], "5")));
        Assert.Equal("sendDtmf: no call on your line", Refused(() => Dtmf([held], "5")).Message);
        Assert.Equal("directTransfer: no call on your line", Refused(() => BlindTransfer(Line1001, [Call("1700000000.9", 5)], "1003")).Message);
    }

    private static AmiEventData Listed(string channel, string linkedid, string bridge) =>
        AmiEventData.Of("CoreShowChannel", ("Channel", channel), ("Linkedid", linkedid), ("BridgeId", bridge));

    [Fact]
    public void SetData_sets_each_USR_variable_on_every_channel_of_the_call_the_users_first()
    {
        var talking = Call("1700000000.5", 6, linked: "1700000000.4");
        var pbx = new[]
        {
            Listed("PJSIP/trunk-00000004", "1700000000.4", "b1"), Listed(talking.Name, "1700000000.4", "b1"),
            Listed("PJSIP/1002-00000009", "1700000000.9", "b2"),
        };
        var actions = AttachData([talking], pbx, [new("USR_a", "1"), new("USR_b", "x,y")]);
        Assert.Equal([
            $"Action: Setvar\r\nChannel: {talking.Name}\r\nVariable: USR_a\r\nValue: 1\r\n\r\n",
            $"Action: Setvar\r\nChannel: {talking.Name}\r\nVariable: USR_b\r\nValue: x,y\r\n\r\n",
            "Action: Setvar\r\nChannel: PJSIP/trunk-00000004\r\nVariable: USR_a\r\nValue: 1\r\n\r\n",
            "Action: Setvar\r\nChannel: PJSIP/trunk-00000004\r\nVariable: USR_b\r\nValue: x,y\r\n\r\n",
        ], actions.Select(Wire));
        Assert.Equal("setData: no call on your line", Refused(() => AttachData([], pbx, [new("USR_a", "1")])).Message);
    }

    [Fact]
    public void A_transfer_in_progress_is_the_users_channel_bridged_with_a_Local_target_and_complete_or_cancel_act_on_the_transferer()
    {
        var transferer = Call("1700000000.5", 6, held: true);
        var plain = new[] { Listed(transferer.Name, "1", "b1"), Listed("PJSIP/1002-00000006", "1", "b1") };
        Assert.Null(TransferInProgress([transferer], plain));
        var consulting = new[]
        {
            Listed("PJSIP/1002-00000006", "1", "b1"), Listed(transferer.Name, "1", "b2"),
            Listed("Local/1003@default-0000000a;1", "1", "b2"), Listed("Local/1003@default-0000000a;2", "1", "b3"),
        };
        Assert.Equal((transferer.Name, "Local/1003@default-0000000a;1"), TransferInProgress([transferer], consulting));
        Assert.Equal($"Action: Hangup\r\nChannel: {transferer.Name}\r\n\r\n", Wire(Complete(transferer.Name)));
        Assert.Equal($"Action: CancelAtxfer\r\nChannel: {transferer.Name}\r\n\r\n", Wire(Cancel(transferer.Name)));
    }

    [Fact]
    public void ToggleMicrophone_mutes_what_the_phone_sends_and_notes_it_on_the_channel_then_unmutes()
    {
        var talking = Call("1700000000.5", 6);
        Assert.Same(talking, MicrophoneCall([talking], talking.UniqueId));
        Assert.Equal([
            $"Action: MuteAudio\r\nChannel: {talking.Name}\r\nDirection: in\r\nState: on\r\n\r\n",
            $"Action: Setvar\r\nChannel: {talking.Name}\r\nVariable: XUC_MICROPHONE_MUTED\r\nValue: 1\r\n\r\n",
        ], Microphone(talking.Name, mutedNow: false).Select(Wire));
        Assert.Equal($"Action: MuteAudio\r\nChannel: {talking.Name}\r\nDirection: in\r\nState: off\r\n\r\n", Wire(Microphone(talking.Name, mutedNow: true)[0]));
        Assert.Equal(PhoneErrors.NoSuchCall, Refused(() => MicrophoneCall([Call("1700000000.9", 5)], "1700000000.9")).Code);
    }

    [Fact]
    public void Every_phone_command_is_in_the_catalog_with_its_argument_types()
    {
        foreach (var name in Names) Assert.True(CommandCatalog.Find(name)?.Implemented, name);
        Assert.Equal("setData: 'variables' is missing", CommandCatalog.Find(SetData)!.CheckArguments(JObject.Parse("{}")));
        Assert.Equal("dial: 'variables' must be object, not string", CommandCatalog.Find(Dial)!.CheckArguments(JObject.Parse("""{"destination":"1","variables":"a"}""")));
        Assert.Equal("toggleMicrophone: 'uniqueId' is missing", CommandCatalog.Find(ToggleMicrophone)!.CheckArguments(JObject.Parse("{}")));
        Assert.Null(CommandCatalog.Find(DialFromQueue)!.CheckArguments(JObject.Parse("""{"destination":"1","queueId":2}""")));
        Assert.Null(CommandCatalog.Find(Hangup)!.CheckArguments(JObject.Parse("{}")));
    }
}
