using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;

namespace Xuc.Tests.Actors;

/// <summary>A subscriber's view of a line: deltas before the snapshot wait, stale ones are ignored, a gap asks for the snapshot again.</summary>
public sealed class SnapshotThenDeltasTests
{
    private const string Line = "PJSIP/1001";
    private static Channel Call(string uid, int state) => new(uid, uid, Line + "-1", state, "1001", "", "1002", "", false);
    private static SnapshotThenDeltas<LineSnapshot> View() => new((s, d) => s.Apply((ILineDelta)d));

    [Fact]
    public void Deltas_before_the_snapshot_wait_and_those_it_includes_are_dropped()
    {
        var view = View();
        Assert.Equal(DeltaStep.Held, view.OnDelta(new LineCallChanged(Line, 11, Call("a", 5))));
        Assert.Equal(DeltaStep.Held, view.OnDelta(new LineCallChanged(Line, 12, Call("a", 6))));

        view.OnSnapshot(new LineSnapshot(Line, [Call("a", 5)], "RINGING", null, 11));

        Assert.Equal(12, view.Current!.Seq);
        Assert.Equal([Call("a", 6)], view.Current.Channels);
        Assert.Equal(DeltaStep.Stale, view.OnDelta(new LineCallChanged(Line, 12, Call("a", 6))));
        Assert.Equal(DeltaStep.Applied, view.OnDelta(new LineCallEnded(Line, 13, "a")));
        Assert.Empty(view.Current.Channels);
    }

    [Fact]
    public void A_missed_number_or_a_restarted_entity_asks_for_the_snapshot_again()
    {
        var view = View();
        view.OnSnapshot(new LineSnapshot(Line, [], "NOT_INUSE", null, 20));

        Assert.Equal(DeltaStep.Gap, view.OnDelta(new LineCallChanged(Line, 22, Call("b", 5))));
        Assert.Null(view.Current);
        view.OnSnapshot(new LineSnapshot(Line, [Call("b", 5)], "RINGING", null, 22));
        Assert.Equal(DeltaStep.Applied, view.OnDelta(new LineDeviceStateChanged(Line, 23, "INUSE")));
        Assert.Equal(new LineSnapshot(Line, view.Current!.Channels, "INUSE", null, 23), view.Current);
    }

    [Fact]
    public void The_deltas_between_two_line_states_are_what_changed_numbered_in_turn()
    {
        var before = LineState.Empty(Line).Apply(AmiEventData.Of("Newchannel", ("Channel", Line + "-1"), ("Uniqueid", "a"), ("ChannelState", "5")));
        var after = before
            .Apply(AmiEventData.Of("Newstate", ("Channel", Line + "-1"), ("Uniqueid", "a"), ("ChannelState", "6")))
            .Apply(AmiEventData.Of("Newchannel", ("Channel", Line + "-2"), ("Uniqueid", "b"), ("ChannelState", "4")))
            .Apply(AmiEventData.Of("DeviceStateChange", ("Device", Line), ("State", "INUSE")));
        long seq = 100;

        var deltas = LineDeltas.Between(before, after, ref seq);

        Assert.Equal(
            [
                new LineCallChanged(Line, 101, after.Channels["a"], after.PhoneCallOf(after.Channels["a"])),
                new LineCallChanged(Line, 102, after.Channels["b"], after.PhoneCallOf(after.Channels["b"])),
                new LineDeviceStateChanged(Line, 103, "INUSE"),
            ],
            deltas);
        // Each call ends with its last phone call, released.
        Assert.Equal(
            [
                new LineCallEnded(Line, 104, "a", after.PhoneCallOf(after.Channels["a"])! with { EventType = PhoneEventTypes.Released }),
                new LineCallEnded(Line, 105, "b", after.PhoneCallOf(after.Channels["b"])! with { EventType = PhoneEventTypes.Released }),
            ],
            LineDeltas.Between(after, LineState.Empty(Line) with { DeviceState = "INUSE" }, ref seq));
        Assert.Equal(105, seq);
    }

    /// <summary>A busy line compares only the channels an event touches: the deltas are those of comparing every channel.</summary>
    [Fact]
    public void The_deltas_of_an_events_touched_channels_are_those_of_the_whole_comparison()
    {
        AmiEventData[] events =
        [
            AmiEventData.Of("Newchannel", ("Channel", Line + "-1"), ("Uniqueid", "a"), ("Linkedid", "a"), ("ChannelState", "4"), ("Exten", "1002")),
            // First seen in state 4 (as if it dialled): DialBegin, which names it DestUniqueid, turns it incoming.
            AmiEventData.Of("Newchannel", ("Channel", Line + "-2"), ("Uniqueid", "b"), ("Linkedid", "a"), ("ChannelState", "4")),
            AmiEventData.Of("DialBegin", ("Channel", Line + "-1"), ("Uniqueid", "a"), ("DestChannel", Line + "-2"), ("DestUniqueid", "b"), ("Exten", "1002")),
            AmiEventData.Of("Newstate", ("Channel", Line + "-2"), ("Uniqueid", "b"), ("ChannelState", "5")),
            AmiEventData.Of("Newchannel", ("Channel", Line + "-3"), ("Uniqueid", "c"), ("ChannelState", "5")),
            AmiEventData.Of("DeviceStateChange", ("Device", Line), ("State", "RINGINUSE")),
            AmiEventData.Of("Newstate", ("Channel", Line + "-2"), ("Uniqueid", "b"), ("ChannelState", "6"), ("ConnectedLineNum", "1001")),
            AmiEventData.Of("NewConnectedLine", ("Channel", Line + "-1"), ("Uniqueid", "a"), ("ConnectedLineNum", "1002"), ("ConnectedLineName", "Bob")),
            AmiEventData.Of("Hold", ("Channel", Line + "-1"), ("Uniqueid", "a")),
            AmiEventData.Of("Hangup", ("Channel", Line + "-2"), ("Uniqueid", "b")),
            AmiEventData.Of("Hangup", ("Channel", Line + "-9"), ("Uniqueid", "unknown")),
            AmiEventData.Of("Hangup", ("Channel", Line + "-1"), ("Uniqueid", "a")),
        ];
        var state = LineState.Empty(Line);
        var snapshot = LineSnapshot.Of(state);
        foreach (var e in events)
        {
            var next = state.Apply(e);
            long whole = 10, touched = 10;
            var deltas = LineDeltas.Between(state, next, ref whole);
            Assert.Equal(deltas, LineDeltas.Between(state, next, ref touched, LineState.ChannelsTouchedBy(e)));
            Assert.Equal(whole, touched);
            // A subscriber folding the deltas holds the line's channels in uniqueid order, as a snapshot taken now would.
            foreach (var delta in deltas) snapshot = snapshot.Apply(delta);
            Assert.Equal(LineSnapshot.Of(next).Channels, snapshot.Channels);
            state = next;
        }
    }
}
