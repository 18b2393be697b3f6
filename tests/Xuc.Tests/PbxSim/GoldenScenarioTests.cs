using Xuc.PbxSim;
using Xuc.PbxSim.Model;

namespace Xuc.Tests.PbxSim;

/// <summary>Each scenario's event stream, read by a raw TCP peer, against a fixture written by hand from the Asterisk docs.</summary>
public sealed class GoldenScenarioTests
{
    private static async Task<List<List<KeyValuePair<string, string>>>> Record(Action<PbxModel> setup, Func<PbxSimulator, RawAmi, Task> scenario)
    {
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0, Events = SimEventLevel.Minimal });
        setup(sim.Model);
        await sim.StartAsync();
        await using var ami = await RawAmi.ConnectAsync(sim.Port);
        await ami.LoginAsync();
        Assert.Equal("FullyBooted", (await ami.ReadAsync())!.Get("Event"));
        ami.Log.Clear();
        await scenario(sim, ami);
        // Everything the scenario caused was queued before this Ping's answer.
        await ami.SendAsync("Action: Ping\r\nActionID: golden-end\r\n\r\n");
        await ami.ReadUntilAsync("ActionID", "golden-end");
        return ami.Log.Where(m => m.Get("Event") is not null).ToList();
    }

    private static void AssertMatches(string fixture, List<List<KeyValuePair<string, string>>> events)
    {
        GoldenDraft.Write(fixture, events);
        var difference = GoldenFixture.Load(fixture).Compare(events);
        Assert.True(difference is null, $"{fixture}: {difference}");
    }

    private static void Phones(PbxModel m, params string[] extens)
    {
        foreach (var e in extens) m.AddEndpoint(e);
    }

    /// <summary>A queue of the given phones, each member's interface from <paramref name="pattern"/> (<c>PJSIP/{0}</c>,
    /// <c>Local/{0}@agents/n</c>); a Local member's state interface is its phone.</summary>
    private static Action<PbxModel> QueueOf(string name, string number, QueueStrategy strategy, string pattern, params string[] extens) => m =>
    {
        Phones(m, extens);
        m.AddQueue(name, number, strategy);
        foreach (var e in extens)
        {
            var member = string.Format(pattern, e);
            m.AddMember(name, member, $"Agent {e}", stateInterface: member.StartsWith("Local/") ? $"PJSIP/{e}" : null);
        }
    };

    /// <summary>A scenario of model steps only.</summary>
    private static Func<PbxSimulator, RawAmi, Task> Steps(Action<PbxModel> steps) => (sim, _) =>
    {
        steps(sim.Model);
        return Task.CompletedTask;
    };

    private static void AnswerThenCallerHangsUp(PbxModel m, string number, string answerer)
    {
        var caller = m.ExternalCall("0612345678", number);
        m.Answer(answerer);
        m.Hangup(caller);
    }

    [Fact]
    public async Task Basic_internal_call() => AssertMatches("basic-call.ami", await Record(
        m => Phones(m, "1001", "1002"),
        (sim, _) =>
        {
            sim.Model.Dial("1001", "1002");
            sim.Model.Answer("1002");
            sim.Model.Hangup("1002");
            return Task.CompletedTask;
        }));

    [Fact]
    public async Task External_call_into_a_queue_answered_by_an_agent() => AssertMatches("queue-call-answered.ami", await Record(
        QueueOf("sales", "3000", QueueStrategy.RingAll, "PJSIP/{0}", "1001", "1002"),
        Steps(m => AnswerThenCallerHangsUp(m, "3000", "1002"))));

    [Fact]
    public async Task Ring_no_answer_then_the_next_member() => AssertMatches("queue-ring-no-answer.ami", await Record(
        QueueOf("support", "3001", QueueStrategy.RrMemory, "PJSIP/{0}", "1006", "1007"),
        Steps(RingNoAnswerThenNext)));

    private static void RingNoAnswerThenNext(PbxModel m)
    {
        m.ExternalCall("0611111111", "3001");
        m.RingTimeout("1006");
        m.Answer("1007");
    }

    [Fact]
    public async Task Abandon_while_waiting() => AssertMatches("queue-abandon.ami", await Record(
        m =>
        {
            Phones(m, "1001");
            m.AddQueue("sales", "3000");
            m.AddMember("sales", "PJSIP/1001", "Agent 1001");
        },
        async (sim, ami) =>
        {
            await ami.SendAsync("Action: QueuePause\r\nActionID: p\r\nInterface: PJSIP/1001\r\nQueue: sales\r\nPaused: true\r\nReason: lunch\r\n\r\n");
            Assert.Equal("Interface paused successfully", (await ami.ReadUntilAsync("ActionID", "p")).Get("Message"));
            var caller = sim.Model.ExternalCall("0622222222", "3000");
            sim.Model.Hangup(caller);
        }));

    [Fact]
    public async Task Hold_unhold_voicemail_and_queue_membership() => AssertMatches("hold-mwi-members.ami", await Record(
        m =>
        {
            Phones(m, "1001", "1002", "1003", "1004");
            m.AddQueue("billing", "3002");
        },
        async (sim, ami) =>
        {
            sim.Model.Dial("1001", "1002");
            sim.Model.Answer("1002");
            sim.Model.Hold("1001", true);
            sim.Model.Hold("1001", false);
            sim.Model.SetMailbox("1003", 2, 5);
            await ami.SendAsync("Action: QueueAdd\r\nActionID: a\r\nQueue: billing\r\nInterface: PJSIP/1004\r\nMemberName: Bill\r\nPenalty: 3\r\n\r\n");
            await ami.SendAsync("Action: QueuePenalty\r\nActionID: b\r\nInterface: PJSIP/1004\r\nPenalty: 1\r\nQueue: billing\r\n\r\n");
            await ami.SendAsync("Action: QueueRemove\r\nActionID: c\r\nQueue: billing\r\nInterface: PJSIP/1004\r\n\r\n");
            await ami.ReadUntilAsync("ActionID", "c");
        }));

    [Fact]
    public async Task Conference_join_mute_leave() => AssertMatches("conference.ami", await Record(
        m => Phones(m, "1001", "1002"),
        async (sim, ami) =>
        {
            var first = sim.Model.JoinConference("1001", "4000");
            var second = sim.Model.JoinConference("1002", "4000");
            await ami.SendAsync($"Action: ConfbridgeMute\r\nActionID: m\r\nConference: 4000\r\nChannel: {second}\r\n\r\n");
            Assert.Equal("User muted", (await ami.ReadUntilAsync("ActionID", "m")).Get("Message"));
            await ami.SendAsync($"Action: ConfbridgeUnmute\r\nActionID: u\r\nConference: 4000\r\nChannel: {second}\r\n\r\n");
            await ami.ReadUntilAsync("ActionID", "u");
            sim.Model.LeaveConference(first);
            await ami.SendAsync($"Action: ConfbridgeKick\r\nActionID: k\r\nConference: 4000\r\nChannel: {second}\r\n\r\n");
            Assert.Equal("User kicked", (await ami.ReadUntilAsync("ActionID", "k")).Get("Message"));
        }));

    [Fact]
    public async Task Asynchronous_originate_answered_then_dialling() => AssertMatches("originate-async.ami", await Record(
        m => Phones(m, "1001", "1002"),
        async (sim, ami) =>
        {
            await ami.SendAsync("Action: Originate\r\nActionID: o1\r\nChannel: PJSIP/1001\r\nContext: default\r\nExten: 1002\r\n" +
                                "Priority: 1\r\nCallerID: \"Support\" <3001>\r\nVariable: USR_ticket=42\r\nAsync: true\r\n\r\n");
            Assert.Equal("Originate successfully queued", (await ami.ReadUntilAsync("ActionID", "o1")).Get("Message"));
            sim.Model.Answer("1001");
        }));

    [Fact]
    public async Task Blind_transfer_through_ami() => AssertMatches("blind-transfer.ami", await Record(
        m => Phones(m, "1001", "1002", "1003"),
        async (sim, ami) =>
        {
            sim.Model.Dial("1001", "1002");
            sim.Model.Answer("1002");
            var transferer = (await ami.ReadUntilAsync("Event", "DialBegin")).Get("DestChannel");
            await ami.SendAsync($"Action: BlindTransfer\r\nActionID: t\r\nChannel: {transferer}\r\nExten: 1003\r\nContext: default\r\n\r\n");
            Assert.Equal("Transfer succeeded", (await ami.ReadUntilAsync("ActionID", "t")).Get("Message"));
        }));

    [Fact]
    public async Task Attended_transfer_by_the_phone() => AssertMatches("attended-transfer.ami", await Record(
        m => Phones(m, "1001", "1002", "1003"),
        async (sim, ami) =>
        {
            sim.Model.Dial("1001", "1002");
            sim.Model.Answer("1002");
            var transferer = (await ami.ReadUntilAsync("Event", "DialBegin")).Get("Channel");
            // The phone's own consultation call (a second call from 1001), then it hangs up to complete. The manager's
            // Atxfer runs bridge_basic.c's feature instead: PbxSimBehaviourTests.Atxfer_*.
            Assert.Null(sim.Model.Locked(() => sim.Model.AttendedTransfer(sim.Model.ChannelByName(transferer!)!, "1003")));
            sim.Model.Answer("1003");
            sim.Model.CompleteAttendedTransfer("1001");
            // Afterwards 1002 and 1003 are bridged together and 1001 is free.
            Assert.Equal(2, sim.Model.ChannelCount);
        }));

    [Fact]
    public async Task Queue_call_to_local_members_answered_and_optimised() => AssertMatches("queue-local-answered.ami", await Record(
        QueueOf("sales", "3000", QueueStrategy.RingAll, "Local/{0}@agents", "1001", "1002"),
        Steps(m => AnswerThenCallerHangsUp(m, "3000", "1002"))));

    [Fact]
    public async Task Queue_call_to_a_local_member_kept_with_n_then_the_agent_hangs_up() => AssertMatches("queue-local-n-answered.ami", await Record(
        QueueOf("sales", "3000", QueueStrategy.RingAll, "Local/{0}@agents/n", "1001"),
        Steps(m =>
        {
            m.ExternalCall("0612345678", "3000");
            m.Answer("1001");
            m.Hangup("1001");
        })));

    [Fact]
    public async Task Local_member_rings_without_answer_then_the_next() => AssertMatches("queue-local-ring-no-answer.ami", await Record(
        m =>
        {
            Phones(m, "1006", "1007");
            m.AddQueue("support", "3001", QueueStrategy.RrMemory);
            m.AddMember("support", "Local/1006@agents/n", "Agent 1006", stateInterface: "PJSIP/1006");
            // No StateInterface: app_queue follows the Local device itself, and still rings it.
            m.AddMember("support", "Local/1007@agents/n", "Agent 1007");
        },
        Steps(RingNoAnswerThenNext)));

    [Fact]
    public async Task Caller_abandons_while_local_members_ring() => AssertMatches("queue-local-abandon.ami", await Record(
        QueueOf("sales", "3000", QueueStrategy.RingAll, "Local/{0}@agents/n", "1001", "1002"),
        Steps(m => m.Hangup(m.ExternalCall("0622222222", "3000")))));

    [Fact]
    public async Task Blind_transfer_of_a_queue_call() => AssertMatches("queue-blind-transfer.ami", await Record(
        m =>
        {
            QueueOf("sales", "3000", QueueStrategy.RingAll, "PJSIP/{0}", "1001")(m);
            Phones(m, "1003");
        },
        async (sim, ami) =>
        {
            sim.Model.ExternalCall("0612345678", "3000");
            sim.Model.Answer("1001");
            var agent = (await ami.ReadUntilAsync("Event", "AgentConnect")).Get("DestChannel");
            await ami.SendAsync($"Action: BlindTransfer\r\nActionID: t\r\nChannel: {agent}\r\nExten: 1003\r\nContext: default\r\n\r\n");
            Assert.Equal("Transfer succeeded", (await ami.ReadUntilAsync("ActionID", "t")).Get("Message"));
        }));
}
