using System.Collections.Immutable;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;

namespace Xuc.Tests.Actors;

/// <summary>The deltas between two queue states: exactly what changed, callers then members in key order, numbered on.</summary>
public sealed class QueueDeltasTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static QueueMemberInfo Member(string iface, int penalty = 0, int status = 1) => new(iface, iface, penalty, false, "", status, false);
    private static WaitingCall Caller(string uid, int position) => new(uid, "060000000" + position, "Caller " + position, position, T0);

    private static QueueState State(IEnumerable<WaitingCall> callers, IEnumerable<QueueMemberInfo> members, int abandoned = 0, int answered = 0) =>
        new("sales", callers.ToImmutableDictionary(c => c.UniqueId), members.ToImmutableDictionary(m => m.Interface), abandoned, answered);

    [Fact]
    public void The_same_state_gives_no_delta_and_keeps_the_numbering()
    {
        var state = State([Caller("1.1", 1)], [Member("PJSIP/1001"), Member("PJSIP/1002")]);
        long seq = 7;
        Assert.Empty(QueueDeltas.Between(state, state with { }, ref seq));
        Assert.Equal(7, seq);
    }

    [Fact]
    public void Only_what_changed_comes_callers_then_members_each_in_key_order_then_counters_numbered_from_seq()
    {
        var members = Enumerable.Range(1, 30).Select(i => Member($"PJSIP/10{i:00}")).ToList();
        var before = State([Caller("1.2", 1), Caller("1.3", 2), Caller("1.4", 3)], members);
        var after = before with
        {
            // 1.3 left (1.4 moved up), 1.9 and 1.5 joined; members 1025 and 1003 changed, 1010 left, 1099 was added.
            Waiting = before.Waiting.Remove("1.3").SetItem("1.4", Caller("1.4", 2)).SetItem("1.9", Caller("1.9", 3)).SetItem("1.5", Caller("1.5", 4)),
            Members = before.Members.SetItem("PJSIP/1025", Member("PJSIP/1025", status: 2)).SetItem("PJSIP/1003", Member("PJSIP/1003", penalty: 4))
                .Remove("PJSIP/1010").SetItem("PJSIP/1099", Member("PJSIP/1099")),
            Abandoned = 1,
        };
        long seq = 100;
        var deltas = QueueDeltas.Between(before, after, ref seq);
        Assert.Equal<IQueueDelta>(
        [
            new QueueCallerWaiting("sales", 101, Caller("1.4", 2)),
            new QueueCallerWaiting("sales", 102, Caller("1.5", 4)),
            new QueueCallerWaiting("sales", 103, Caller("1.9", 3)),
            new QueueCallerGone("sales", 104, "1.3"),
            new QueueMemberChanged("sales", 105, Member("PJSIP/1003", penalty: 4)),
            new QueueMemberChanged("sales", 106, Member("PJSIP/1025", status: 2)),
            new QueueMemberChanged("sales", 107, Member("PJSIP/1099")),
            new QueueMemberGone("sales", 108, "PJSIP/1010"),
            new QueueCountersChanged("sales", 109, 1, 0),
        ], deltas);
        Assert.Equal(109, seq);
    }

    [Fact]
    public void A_member_event_that_changes_nothing_leaves_the_members_as_they_were_and_gives_no_delta()
    {
        var before = State([], [Member("PJSIP/1001"), Member("PJSIP/1002")]);
        var after = before.Apply(AmiEventData.Of("QueueMemberStatus", ("Queue", "sales"), ("Interface", "PJSIP/1002"), ("MemberName", "PJSIP/1002"),
            ("Penalty", "0"), ("Paused", "0"), ("Status", "1"), ("InCall", "0")), T0);
        Assert.Same(before.Members, after.Members);
        long seq = 0;
        Assert.Empty(QueueDeltas.Between(before, after, ref seq));
    }
}
