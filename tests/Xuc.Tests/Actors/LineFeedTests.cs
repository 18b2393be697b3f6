using Xuc.Actors.Sessions;
using System.Text;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Phone;
using LineConfig = Xuc.Actors.Configuration.Model.Line;

namespace Xuc.Tests.Actors;

/// <summary>A node's line feed (LineFeedActor, LineFeedsActor) driven directly: the line's topic and region are probes.</summary>
public sealed class LineFeedTests : TestKit
{
    private const string Line = "PJSIP/1001";
    private readonly TestProbe _lines;
    private readonly TestProbe _mediator;

    public LineFeedTests() : base("akka.loglevel = WARNING")
    {
        _lines = CreateTestProbe();
        _mediator = CreateTestProbe();
    }

    private static Channel Ringing(string uid) => new(uid, "9.1", Line + "-1", 5, "1001", "", "0612345678", "", false);

    private static PhoneCall CallOf(Channel c) => PhoneCalls.Of(c, Line, null)!;

    /// <summary>A feed child of the test actor, subscribed and given its first snapshot.</summary>
    private IActorRef Feed(LineSnapshot first)
    {
        var feed = ChildActorOf(LineFeedActor.PropsFor(Line, _lines, _mediator));
        var subscribe = _mediator.ExpectMsg<Subscribe>();
        Assert.Equal("line:" + Line, subscribe.Topic);
        feed.Tell(new SubscribeAck(subscribe));
        Assert.Equal(new GetLineState(Line), _lines.ExpectMsg<GetLineState>());
        _lines.Reply(first);
        // Nobody asked anything of it yet: it tells its parent it could stop (the parent keeps it for the joins it sent since).
        Assert.Equal(new FeedIdle(Line, 0), ExpectMsg<FeedIdle>());
        return feed;
    }

    private static string Text(FeedFrame frame) => Encoding.UTF8.GetString(Assert.IsType<PreEncoded>(frame.Message).Utf8);

    /// <summary>Both sessions get the same frame: one PreEncoded instance, the same bytes, encoded once for the node.</summary>
    private (string Text, FeedFrame First) OneFrameEach(TestProbe a, TestProbe b)
    {
        var first = a.ExpectMsg<FeedFrame>();
        var second = b.ExpectMsg<FeedFrame>();
        Assert.Same(first.Message, second.Message);
        return (Text(first), first);
    }

    [Fact]
    public void A_session_that_gives_its_outbox_gets_the_frames_written_into_it_and_is_told_when_it_is_full()
    {
        var feed = Feed(new LineSnapshot(Line, [], "NOT_INUSE", null, 10));
        var (session, outbox, other) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var sink = new Xuc.Tests.Support.FakeSessionSink(outbox);
        feed.Tell(new JoinLineFeed(Line, session, "NOT_INUSE", sink));
        feed.Tell(new JoinLineFeed(Line, other, "NOT_INUSE"));

        var ringing = Ringing("9.2");
        feed.Tell(new LineCallChanged(Line, 11, ringing, CallOf(ringing)));
        // The same encoded frame: written into the first session's outbox, told to the one without an outbox.
        var written = outbox.ExpectMsg<PreEncoded>();
        Assert.Same(written, other.ExpectMsg<FeedFrame>().Message);
        Assert.Contains("\"eventType\":\"EventRinging\"", Encoding.UTF8.GetString(written.Utf8));

        // A full outbox: nothing written, the session is told (it closes itself), the other still gets the frame.
        sink.Accepting = false;
        feed.Tell(new LineDeviceStateChanged(Line, 12, "RINGING"));
        session.ExpectMsg<FeedOutboxFull>();
        Assert.Contains("RINGING", Text(other.ExpectMsg<FeedFrame>()));
        feed.Tell(new GetCurrentCalls(Line), other);
        Assert.Contains("CurrentCallsPhoneEvents", Text(other.ExpectMsg<FeedFrame>()));
        outbox.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Each_change_is_encoded_once_for_all_the_lines_sessions_and_a_gap_resends_what_it_hid()
    {
        var feed = Feed(new LineSnapshot(Line, [], "NOT_INUSE", null, 10));
        var (s1, s2) = (CreateTestProbe(), CreateTestProbe());
        feed.Tell(new JoinLineFeed(Line, s1, "NOT_INUSE"));
        feed.Tell(new JoinLineFeed(Line, s2, "NOT_INUSE"));

        var ringing = Ringing("9.2");
        feed.Tell(new LineCallChanged(Line, 11, ringing, CallOf(ringing)));
        Assert.Equal(
            """{"msgType":"PhoneEvent","ctiMessage":{"eventType":"EventRinging","DN":"1001","otherDN":"0612345678","otherDName":"","linkedId":"9.1","uniqueId":"9.2","callDirection":"Incoming","userData":{}}}""",
            OneFrameEach(s1, s2).Text);
        feed.Tell(new LineDeviceStateChanged(Line, 12, "RINGING"));
        Assert.Equal("""{"msgType":"PhoneStatusUpdate","ctiMessage":{"status":"RINGING"}}""", OneFrameEach(s1, s2).Text);

        // Delta 13 is lost: 14 is a gap, the feed asks the snapshot again and shows what changed meanwhile.
        feed.Tell(new LineDeviceStateChanged(Line, 14, "NOT_INUSE"));
        _lines.ExpectMsg<GetLineState>();
        _lines.Reply(new LineSnapshot(Line, [], "NOT_INUSE", null, 14));
        Assert.Equal(
            """{"msgType":"PhoneEvent","ctiMessage":{"eventType":"EventReleased","DN":"1001","otherDN":"0612345678","otherDName":"","linkedId":"9.1","uniqueId":"9.2","callDirection":"Incoming","userData":{}}}""",
            OneFrameEach(s1, s2).Text);
        Assert.Equal("""{"msgType":"PhoneStatusUpdate","ctiMessage":{"status":"AVAILABLE"}}""", OneFrameEach(s1, s2).Text);

        // A session that stops leaves the feed; with the last one gone the feed tells its parent it is idle.
        var watch = CreateTestProbe();
        watch.Watch(s1.Ref);
        Sys.Stop(s1.Ref);
        watch.ExpectTerminated(s1.Ref);
        var again = Ringing("9.3");
        feed.Tell(new LineCallChanged(Line, 15, again, CallOf(again)));
        Assert.Contains("\"uniqueId\":\"9.3\"", Text(s2.ExpectMsg<FeedFrame>()));
        Sys.Stop(s2.Ref);
        Assert.Equal(new FeedIdle(Line, 2), ExpectMsg<FeedIdle>());
    }

    /// <summary>
    /// A delta sends what it changed of its own call only, however many calls the line has; a call that ends is released;
    /// a new line number changes every call, and every call is sent again.
    /// </summary>
    [Fact]
    public void A_delta_sends_its_own_call_only_and_a_new_number_resends_every_call()
    {
        var (first, second) = (Ringing("9.2"), Ringing("9.4"));
        var feed = Feed(new LineSnapshot(Line, [first, second], "RINGING", null, 10));
        var session = CreateTestProbe();
        feed.Tell(new JoinLineFeed(Line, session, "RINGING"));
        Assert.Contains("\"uniqueId\":\"9.2\"", Text(session.ExpectMsg<FeedFrame>()));
        Assert.Contains("\"uniqueId\":\"9.4\"", Text(session.ExpectMsg<FeedFrame>()));

        var answered = second with { State = 6 };
        feed.Tell(new LineCallChanged(Line, 11, answered, CallOf(answered)));
        var established = Text(session.ExpectMsg<FeedFrame>());
        Assert.Contains("\"eventType\":\"EventEstablished\"", established);
        Assert.Contains("\"uniqueId\":\"9.4\"", established);
        feed.Tell(new LineCallEnded(Line, 12, "9.2", CallOf(first) with { EventType = PhoneEventTypes.Released }));
        var released = Text(session.ExpectMsg<FeedFrame>());
        Assert.Contains("\"eventType\":\"EventReleased\"", released);
        Assert.Contains("\"uniqueId\":\"9.2\"", released);
        feed.Tell(new LineConfigured(Line, 13, new LineConfig { Id = 1, Number = "2001", Interface = Line }));
        Assert.Equal(
            """{"msgType":"PhoneEvent","ctiMessage":{"eventType":"EventEstablished","DN":"2001","otherDN":"0612345678","otherDName":"","linkedId":"9.1","uniqueId":"9.4","callDirection":"Incoming","userData":{}}}""",
            Text(session.ExpectMsg<FeedFrame>()));
        // Nothing else was sent before the answer to this.
        feed.Tell(new GetCurrentCalls(Line), session);
        Assert.StartsWith("""{"msgType":"CurrentCallsPhoneEvents","ctiMessage":{"events":[{"eventType":"EventEstablished","DN":"2001",""", Text(session.ExpectMsg<FeedFrame>()));
    }

    /// <summary>
    /// Across nodes a new subscription is known to the line's node only after gossip: a delta published before is lost,
    /// and no later one may come to show the gap. The feed asks the snapshot once more a few seconds after its first.
    /// </summary>
    [Fact]
    public void A_delta_lost_while_the_subscription_spreads_shows_through_the_catch_up_snapshot()
    {
        var feed = Feed(new LineSnapshot(Line, [], "NOT_INUSE", null, 10));
        var session = CreateTestProbe();
        feed.Tell(new JoinLineFeed(Line, session, "NOT_INUSE"));
        _lines.ExpectMsg<GetLineState>(TimeSpan.FromSeconds(10));
        _lines.Reply(new LineSnapshot(Line, [Ringing("9.2")], "NOT_INUSE", null, 11));
        Assert.Contains("\"eventType\":\"EventRinging\"", Text(session.ExpectMsg<FeedFrame>()));
        // An answer older than what the feed already folded changes nothing.
        feed.Tell(new LineSnapshot(Line, [], "NOT_INUSE", null, 11));
        feed.Tell(new GetCurrentCalls(Line), session);
        Assert.Contains("\"uniqueId\":\"9.2\"", Text(session.ExpectMsg<FeedFrame>()));
    }

    [Fact]
    public void A_session_joining_during_a_call_gets_the_call_then_the_state_its_connect_sequence_missed()
    {
        var ringing = Ringing("9.2");
        var feed = Feed(new LineSnapshot(Line, [ringing], "RINGING", null, 10));
        var session = CreateTestProbe();
        feed.Tell(new JoinLineFeed(Line, session, "NOT_INUSE"));
        Assert.Contains("\"eventType\":\"EventRinging\"", Text(session.ExpectMsg<FeedFrame>()));
        Assert.Equal("""{"msgType":"PhoneStatusUpdate","ctiMessage":{"status":"RINGING"}}""", Text(session.ExpectMsg<FeedFrame>()));

        feed.Tell(new GetCurrentCalls(Line), session);
        Assert.StartsWith("""{"msgType":"CurrentCallsPhoneEvents","ctiMessage":{"events":[{"eventType":"EventRinging",""", Text(session.ExpectMsg<FeedFrame>()));
    }

    [Fact]
    public void Hints_are_sent_on_subscription_and_on_change_an_unknown_number_is_minus_2_and_unsubscribing_stops_them()
    {
        var lines = new Dictionary<string, LineConfig> { ["1001"] = new() { Id = 1, Number = "1001", Interface = Line } };
        var feeds = Sys.ActorOf(LineFeedsActor.PropsFor(_lines, _mediator, n => lines.GetValueOrDefault(n)));
        var watcher = CreateTestProbe();
        feeds.Tell(new WatchPhoneHints(["1001", "5555"], watcher));
        Assert.Equal("""{"msgType":"PhoneHintStatusEvent","ctiMessage":{"number":"5555","status":-2}}""", Text(watcher.ExpectMsg<FeedFrame>()));
        var subscribe = _mediator.ExpectMsg<Subscribe>();
        _mediator.LastSender.Tell(new SubscribeAck(subscribe)); // the feed the parent started for 1001
        _lines.ExpectMsg<GetLineState>();
        var feed = _lines.LastSender;
        _lines.Reply(new LineSnapshot(Line, [], "INUSE", null, 1));
        Assert.Equal("""{"msgType":"PhoneHintStatusEvent","ctiMessage":{"number":"1001","status":1}}""", Text(watcher.ExpectMsg<FeedFrame>()));
        feed.Tell(new LineDeviceStateChanged(Line, 2, "RINGINUSE"));
        Assert.Equal("""{"msgType":"PhoneHintStatusEvent","ctiMessage":{"number":"1001","status":9}}""", Text(watcher.ExpectMsg<FeedFrame>()));

        // An owner joins before the watcher leaves, so the feed is never idle in between (an idle feed would be stopped
        // and a new one started for the next request, which these probes would not answer).
        var owner = CreateTestProbe();
        feeds.Tell(new JoinLineFeed(Line, owner, "RINGINUSE"));
        feeds.Tell(new UnwatchPhoneHints(watcher));
        // Forwarded after the watcher's removal, so once it is answered the feed has dropped the watcher.
        feeds.Tell(new GetCurrentCalls(Line), owner);
        Assert.Equal("""{"msgType":"CurrentCallsPhoneEvents","ctiMessage":{"events":[]}}""", Text(owner.ExpectMsg<FeedFrame>()));
        feed.Tell(new LineDeviceStateChanged(Line, 3, "INUSE"));
        // The owner's status frame proves the change went out; the watcher that left got nothing before its marker.
        Assert.Equal("""{"msgType":"PhoneStatusUpdate","ctiMessage":{"status":"CALLING"}}""", Text(owner.ExpectMsg<FeedFrame>()));
        watcher.Ref.Tell("marker");
        watcher.ExpectMsg("marker");
    }
}
