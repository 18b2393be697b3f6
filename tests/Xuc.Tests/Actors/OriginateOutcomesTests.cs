using Akka.TestKit.Xunit2;
using Xuc.Actors.Ami;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;

namespace Xuc.Tests.Actors;

/// <summary>
/// Following the Originates a session placed (<see cref="OriginateOutcomes"/>): the PBX's events and the watch race
/// to the AMI connection actor, so either may come first; only a failure before the destination answered is told.
/// </summary>
public sealed class OriginateOutcomesTests : TestKit
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public OriginateOutcomesTests() : base("akka.loglevel = WARNING") { }

    private static AmiEventData Response(string id, string result, string reason, string uid = "<unknown>") =>
        AmiEventData.Of("OriginateResponse", ("ActionID", id), ("Response", result), ("Channel", "PJSIP/1001"), ("Reason", reason), ("Uniqueid", uid));

    private static AmiEventData Hangup(string uid, string cause, string text) =>
        AmiEventData.Of("Hangup", ("Channel", "PJSIP/1001-0000000a"), ("Uniqueid", uid), ("Cause", cause), ("Cause-txt", text));

    [Fact]
    public void A_failure_is_told_to_the_watcher_whether_it_came_before_or_after_the_watch()
    {
        var outcomes = new OriginateOutcomes();
        var session = CreateTestProbe();
        outcomes.Observe(Response("a1", "Failure", "5"), T0);
        outcomes.Watch("a1", session, T0);
        Assert.Equal(new PbxCallFailed("Originate", "a1", "PJSIP/1001", "is busy or declined (reason 5)"), session.ExpectMsg<PbxCallFailed>());

        outcomes.Watch("a2", session, T0);
        outcomes.Observe(Response("a2", "Success", "4", "1.7"), T0);
        outcomes.Observe(Hangup("1.7", "1", "Unallocated (unassigned) number"), T0);
        Assert.Equal(new PbxCallFailed("Originate", "a2", "PJSIP/1001-0000000a", "hung up before the call was answered: Unallocated (unassigned) number (cause 1)"),
            session.ExpectMsg<PbxCallFailed>());
        Assert.Equal(0, outcomes.Count);
        session.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_answered_call_or_the_users_own_hang_up_is_no_failure_and_what_nobody_watches_is_forgotten()
    {
        var outcomes = new OriginateOutcomes();
        var session = CreateTestProbe();
        outcomes.Watch("b1", session, T0);
        outcomes.Observe(Response("b1", "Success", "4", "2.1"), T0);
        outcomes.Observe(AmiEventData.Of("DialEnd", ("Uniqueid", "2.1"), ("DialStatus", "ANSWER")), T0);
        outcomes.Observe(Hangup("2.1", "17", "User busy"), T0);  // later, after the answer: the call's own end
        outcomes.Watch("b2", session, T0);
        outcomes.Observe(Response("b2", "Success", "4", "2.2"), T0);
        outcomes.Observe(Hangup("2.2", "16", "Normal Clearing"), T0);
        session.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, outcomes.Count);

        // Another client's Originate (its OriginateResponse reaches every manager session): kept a while, then dropped.
        outcomes.Observe(Response("other-1", "Failure", "0"), T0);
        Assert.Equal(1, outcomes.Count);
        outcomes.Observe(Response("b3", "Failure", "0"), T0 + OriginateOutcomes.Keep + TimeSpan.FromSeconds(1));
        Assert.Equal(1, outcomes.Count);
    }
}
