using System.Text;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Phone;
using Xuc.Host.WebSocket;
using Xuc.Tests.Support;

namespace Xuc.Tests.Actors;

/// <summary>The CTI session actor driven directly: a fake sink, a probe for the line region and one for the pub/sub mediator.</summary>
public sealed class SessionActorTests : TestKit
{
    public static readonly Line Line1001 = new() { Id = 1, Number = "1001", Interface = "PJSIP/1001", Context = "default" };

    public static readonly IReadOnlyList<UserStatus> Statuses =
    [
        new() { Name = "available", Color = "#08FD20", LongName = "Available" },
        new() { Name = "donotdisturb", Color = "#FF032D", LongName = "Do not disturb", Actions = ["enableDND"] },
    ];

    public static SessionUser James(ProfileKind profile = ProfileKind.NoRight, string hash = "hash-1", Line? line = null) => new(
        new User { Id = 7, Login = "jbond", PasswordHash = hash, FirstName = "James", LastName = "Bond", MobileNumber = "0612345678", LineId = 1, AgentId = 3 },
        profile, line ?? Line1001, Statuses);

    private readonly TestProbe _client;
    private readonly TestProbe _lines;
    private readonly TestProbe _mediator;
    private readonly FakeSessionDirectory _directory = new();
    private readonly FakeSessionSink _sink;

    /// <summary>Timers run on a scheduler the tests advance by hand: no test waits for a timeout.</summary>
    public SessionActorTests() : base("akka.loglevel = WARNING\nakka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"")
    {
        _client = CreateTestProbe();
        _lines = CreateTestProbe();
        _mediator = CreateTestProbe();
        _sink = new FakeSessionSink(_client.Ref);
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    private static SessionSettings Settings() => new() { LoggedOnTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(60), OutboxCapacity = 4 };

    private IActorRef Start(SessionUser? user, SessionSettings? settings = null, string login = "jbond")
    {
        if (user is not null) _directory.With(user);
        return Sys.ActorOf(SessionActor.PropsFor(login, _sink, settings ?? Settings(), _directory, _lines.Ref, _mediator.Ref));
    }

    /// <summary>Starts a session and consumes its connect sequence and subscriptions.</summary>
    private IActorRef Connected(SessionUser? user = null)
    {
        var session = Start(user ?? James());
        _lines.ExpectMsg<GetLineState>();
        _lines.Reply(new LineSnapshot("PJSIP/1001", [], "NOT_INUSE"));
        _client.ReceiveN(8);
        _mediator.ExpectMsg<Subscribe>();
        _mediator.ExpectMsg<Subscribe>();
        _mediator.ExpectMsg<Subscribe>(); // the line's mailbox
        return session;
    }

    /// <summary>
    /// The phone side of a session: after its connect sequence it joins its line's feed with the state it showed, pushes
    /// what the feed hands it as it is, and sends its phone commands to the feeds; a user without a line, or a session
    /// without feeds, has no calls and only unknown numbers.
    /// </summary>
    [Fact]
    public void A_session_joins_its_lines_feed_after_connecting_pushes_its_frames_and_sends_it_its_phone_commands()
    {
        var feeds = CreateTestProbe();
        _directory.With(James());
        var session = Sys.ActorOf(SessionActor.PropsFor("jbond", _sink, Settings(), _directory, _lines.Ref, _mediator.Ref, phoneFeeds: feeds.Ref));
        _lines.ExpectMsg<GetLineState>();
        _lines.Reply(new LineSnapshot("PJSIP/1001", [], "RINGING"));
        _client.ReceiveN(8);
        Assert.Equal(new JoinLineFeed("PJSIP/1001", session, "RINGING", _sink), feeds.ExpectMsg<JoinLineFeed>());

        var frame = PreEncoded.Of(new PhoneStatusUpdate("AVAILABLE"));
        session.Tell(new FeedFrame(frame));
        Assert.Same(frame, _client.ExpectMsg<PreEncoded>());

        session.Tell(Command("""{"claz":"web","command":"getCurrentCallsPhoneEvents"}"""));
        Assert.Equal(new GetCurrentCalls("PJSIP/1001"), feeds.ExpectMsg<GetCurrentCalls>());
        Assert.Equal(session, feeds.LastSender);
        session.Tell(Command("""{"claz":"web","command":"subscribeToPhoneHints","phoneNumbers":["1002","1003"]}"""));
        var watch = feeds.ExpectMsg<WatchPhoneHints>();
        Assert.Equal(["1002", "1003"], watch.Numbers);
        Assert.Equal(session, watch.Session);
        session.Tell(Command("""{"claz":"web","command":"unsubscribeFromAllPhoneHints"}"""));
        Assert.Equal(new UnwatchPhoneHints(session), feeds.ExpectMsg<UnwatchPhoneHints>());
        session.Tell(Command("""{"claz":"web","command":"subscribeToPhoneHints","phoneNumbers":"1002"}"""));
        ExpectError(CtiErrors.InvalidArgument, "'phoneNumbers' must be array, not string");

        var lineless = Start(James() with { Line = null });
        _client.ReceiveN(6);
        lineless.Tell(Command("""{"claz":"web","command":"getCurrentCallsPhoneEvents"}"""));
        Assert.Equal("""{"msgType":"CurrentCallsPhoneEvents","ctiMessage":{"events":[]}}""", Wire(_client.ExpectMsg<CurrentCallsPhoneEvents>()));
        lineless.Tell(Command("""{"claz":"web","command":"subscribeToPhoneHints","phoneNumbers":["1002"]}"""));
        Assert.Equal(new PhoneHintStatusEvent("1002", -2), _client.ExpectMsg<PhoneHintStatusEvent>());
    }

    private void ExpectError(string code, string? messagePart = null)
    {
        var error = _client.ExpectMsg<CtiError>();
        Assert.Equal(code, error.Error);
        if (messagePart is not null) Assert.Contains(messagePart, error.Message);
    }

    private static ClientCommand Command(string json) => new((string)JObject.Parse(json)["command"]!, JObject.Parse(json));

    private static string Wire(object message) => Encoding.UTF8.GetString(CtiCodec.Encode((ICtiMessage)message));

    [Fact]
    public void The_connect_sequence_comes_unasked_in_order_from_the_users_configuration_and_line_state()
    {
        Start(James());
        Assert.Equal("PJSIP/1001", _lines.ExpectMsg<GetLineState>().LineId);
        _lines.Reply(new LineSnapshot("PJSIP/1001", [], "RINGING"));

        string[] expected =
        [
            """{"msgType":"LoggedOn","ctiMessage":{"login":"jbond","userId":7,"phoneNumber":"1001"}}""",
            """{"msgType":"RightProfile","ctiMessage":{"profile":"NoRight"}}""",
            """{"msgType":"UsersStatuses","ctiMessage":[{"name":"available","color":"#08FD20","longName":"Available","actions":[]},""" +
            """{"name":"donotdisturb","color":"#FF032D","longName":"Do not disturb","actions":[{"name":"enableDND","parameters":""}]}]}""",
            """{"msgType":"UserStatusUpdate","ctiMessage":{"status":"available"}}""",
            """{"msgType":"UserConfigUpdate","ctiMessage":{"userId":7,"dndEnabled":false,"naFwdEnabled":false,"naFwdDestination":"","uncFwdEnabled":false,"uncFwdDestination":"","busyFwdEnabled":false,"busyFwdDestination":"","firstName":"James","lastName":"Bond","fullName":"James Bond","mobileNumber":"0612345678","agentId":3,"lineIds":[1],"voiceMailId":7,"voiceMailEnabled":true}}""",
            """{"msgType":"LineConfig","ctiMessage":{"id":1,"number":"1001","interface":"PJSIP/1001","context":"default"}}""",
            """{"msgType":"PhoneStatusUpdate","ctiMessage":{"status":"RINGING"}}""",
            """{"msgType":"VoiceMailStatusUpdate","ctiMessage":{"voiceMailId":7,"newMessages":0,"waitingMessages":0,"oldMessages":0}}""",
        ];
        Assert.Equal(expected, _client.ReceiveN(8).Select(Wire));
        Assert.Equal(Topics.User("jbond"), _mediator.ExpectMsg<Subscribe>().Topic);
        Assert.Equal(Topics.Config, _mediator.ExpectMsg<Subscribe>().Topic);
        Assert.Equal(Topics.Mailbox("1001@default"), _mediator.ExpectMsg<Subscribe>().Topic);
    }

    [Fact]
    public void A_user_without_a_line_gets_no_LineConfig_nor_PhoneStatusUpdate()
    {
        Start(James() with { Line = null });
        var got = _client.ReceiveN(6).Cast<ICtiMessage>().Select(m => m.MsgType).ToList();
        Assert.Equal(["LoggedOn", "RightProfile", "UsersStatuses", "UserStatusUpdate", "UserConfigUpdate", "VoiceMailStatusUpdate"], got);
        _lines.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void An_unknown_user_gets_LoggedOnError_loggedOnFailed_and_the_socket_is_closed()
    {
        var session = Start(null, login: "ghost");
        Watch(session);
        Assert.Equal(new LoggedOnError("loggedOnFailed"), _client.ExpectMsg<LoggedOnError>());
        Assert.Equal("loggedOnFailed", _client.ExpectMsg<SinkClosed>().Reason);
        ExpectTerminated(session);
    }

    [Fact]
    public void A_line_that_does_not_answer_in_time_gives_LoggedOnError_loggedOnTimeout_and_a_close()
    {
        var session = Start(James());
        Watch(session);
        _lines.ExpectMsg<GetLineState>();
        Clock.Advance(TimeSpan.FromSeconds(9.9));
        session.Tell(ClientPing.Instance); // stashed, and proves the session is still setting up
        Clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(new LoggedOnError("loggedOnTimeout"), _client.ExpectMsg<LoggedOnError>());
        Assert.Equal("loggedOnTimeout", _client.ExpectMsg<SinkClosed>().Reason);
        ExpectTerminated(session);
    }

    [Fact]
    public void Frames_sent_before_the_set_up_is_done_are_answered_after_the_connect_sequence()
    {
        var session = Start(James());
        _lines.ExpectMsg<GetLineState>();
        session.Tell(ClientPing.Instance);
        _lines.Reply(new LineSnapshot("PJSIP/1001", [], "NOT_INUSE"));
        Assert.Equal("LoggedOn", _client.ExpectMsg<ICtiMessage>().MsgType);
        _client.ReceiveN(7);
        _client.ExpectMsg<Pong>();
    }

    [Fact]
    public void A_peer_that_floods_before_the_set_up_is_done_is_dropped_past_the_outbox_bound()
    {
        var session = Start(James());
        Watch(session);
        _lines.ExpectMsg<GetLineState>();
        for (var i = 0; i < 5; i++) session.Tell(ClientPing.Instance);
        Assert.Equal("too many frames before set-up", _client.ExpectMsg<SinkAborted>().Reason);
        ExpectTerminated(session);
    }

    [Fact]
    public void A_ping_is_answered_with_Pong()
    {
        var session = Connected();
        session.Tell(ClientPing.Instance);
        _client.ExpectMsg<Pong>();
    }

    [Fact]
    public void Bad_frames_and_commands_each_get_an_Error_and_the_session_stays_usable()
    {
        var session = Connected();
        session.Tell(new ClientFrameRejected(CtiErrors.InvalidJson, "not JSON"));
        ExpectError(CtiErrors.InvalidJson, "not JSON");
        session.Tell(Command("""{"claz":"web","command":"flyToTheMoon"}"""));
        ExpectError(CtiErrors.UnknownCommand, "flyToTheMoon");
        session.Tell(Command("""{"claz":"web","command":"userStatusUpdate","status":42}"""));
        ExpectError(CtiErrors.InvalidArgument, "'status' must be string, not integer");
        session.Tell(Command("""{"claz":"web","command":"userStatusUpdate"}"""));
        ExpectError(CtiErrors.InvalidArgument, "'status' is missing");
        session.Tell(Command("""{"claz":"web","command":"userStatusUpdate","status":"sunbathing"}"""));
        ExpectError(CtiErrors.UnknownStatus, "sunbathing");
        session.Tell(Command("""{"claz":"web","command":"conferenceDeafen"}"""));
        ExpectError(CtiErrors.NotImplemented, "conferenceDeafen");
        session.Tell(ClientPing.Instance);
        _client.ExpectMsg<Pong>();
    }

    [Fact]
    public void A_phone_command_goes_to_the_sessions_phone_actor_whose_refusal_comes_back_as_an_Error()
    {
        // No PhoneControl (no PBX on this node): the phone actor refuses, and the refusal reaches the client.
        var session = Connected();
        session.Tell(Command("""{"claz":"web","command":"hold"}"""));
        ExpectError("PbxUnavailable", "hold: no PBX connection on this node");
        session.Tell(Command("""{"claz":"web","command":"hangup","uniqueId":3}"""));
        ExpectError(CtiErrors.InvalidArgument, "hangup: 'uniqueId' must be string, not integer");
    }

    [Fact]
    public void A_command_the_profile_forbids_is_NotAuthorized_and_the_same_command_passes_the_check_for_a_supervisor()
    {
        var plain = Connected(James(ProfileKind.NoRight));
        plain.Tell(Command("""{"claz":"web","command":"setAgentQueue","agentId":1,"queueId":1,"penalty":0}"""));
        ExpectError(CtiErrors.NotAuthorized, "NoRight");

        var supervisor = Connected(James(ProfileKind.Supervisor));
        supervisor.Tell(Command("""{"claz":"web","command":"setAgentQueue","agentId":1,"queueId":1,"penalty":0}"""));
        ExpectError(CtiErrors.NotImplemented, "setAgentQueue");
    }

    [Fact]
    public void A_status_change_is_published_to_all_the_users_sessions_and_each_shows_it()
    {
        var session = Connected();
        session.Tell(Command("""{"claz":"web","command":"userStatusUpdate","status":"donotdisturb"}"""));
        var publish = _mediator.ExpectMsg<Publish>();
        Assert.Equal(Topics.User("jbond"), publish.Topic);
        Assert.Equal(new UserStatusChanged("jbond", "donotdisturb"), publish.Message);

        session.Tell(publish.Message);
        Assert.Equal(new UserStatusUpdate("donotdisturb"), _client.ExpectMsg<UserStatusUpdate>());
    }

    [Fact]
    public void A_peer_that_stops_reading_is_dropped_when_its_outbox_is_full()
    {
        var session = Connected();
        Watch(session);
        _sink.Accepting = false;
        EventFilter.Warning(contains: "CTI session of jbond closed: its outbox is full (4 messages, xuc.cti.outbox), the peer stopped reading")
            .ExpectOne(() => session.Tell(ClientPing.Instance));
        Assert.Contains("outbox full", _client.ExpectMsg<SinkAborted>().Reason);
        ExpectTerminated(session);
    }

    [Fact]
    public void A_session_whose_line_feed_found_its_outbox_full_is_dropped_the_same_way()
    {
        var session = Connected();
        Watch(session);
        EventFilter.Warning(contains: "CTI session of jbond closed: its outbox is full (4 messages, xuc.cti.outbox), the peer stopped reading")
            .ExpectOne(() => session.Tell(FeedOutboxFull.Instance));
        Assert.Contains("outbox full", _client.ExpectMsg<SinkAborted>().Reason);
        ExpectTerminated(session);
    }

    [Fact]
    public void The_session_of_a_deleted_user_is_closed_with_a_reason()
    {
        var session = Connected();
        Watch(session);
        _directory.Users.TryRemove("jbond", out _);
        session.Tell(new ConfigChanged("user", "7", "Deleted"));
        Assert.Equal("the user was deleted", _client.ExpectMsg<SinkClosed>().Reason);
        ExpectTerminated(session);
    }

    [Fact]
    public void The_session_of_a_user_whose_password_changed_is_closed_with_a_reason_but_other_changes_leave_it()
    {
        var session = Connected();
        Watch(session);
        _directory.With(James(hash: "hash-2"));
        session.Tell(new ConfigChanged("user", "8", "Updated"));
        session.Tell(new ConfigChanged("line", "1", "Updated"));
        session.Tell(ClientPing.Instance);
        _client.ExpectMsg<Pong>();

        session.Tell(new ConfigChanged("user", "7", "Updated"));
        Assert.Equal("the user's password changed", _client.ExpectMsg<SinkClosed>().Reason);
        ExpectTerminated(session);
    }

    [Fact]
    public void An_import_rechecks_the_user_and_a_changed_name_alone_keeps_the_session()
    {
        var session = Connected();
        _directory.With(James() with { User = James().User with { FirstName = "Jim" } });
        session.Tell(new ConfigChanged("*", "*", "Reloaded"));
        session.Tell(ClientPing.Instance);
        _client.ExpectMsg<Pong>();
        _directory.Users.TryRemove("jbond", out _);
        session.Tell(new ConfigChanged("*", "*", "Reloaded"));
        Assert.Equal("the user was deleted", _client.ExpectMsg<SinkClosed>().Reason);
    }

    [Fact]
    public void A_peer_that_pings_stays_open_and_one_that_sends_nothing_for_the_idle_timeout_is_closed()
    {
        var session = Connected();
        Watch(session);
        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(59));
            session.Tell(ClientPing.Instance);
            _client.ExpectMsg<Pong>();
        }
        // What the session pushes is no sign of life from the peer.
        Clock.Advance(TimeSpan.FromSeconds(30));
        session.Tell(new UserStatusChanged("jbond", "donotdisturb"));
        _client.ExpectMsg<UserStatusUpdate>();
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Contains("idle timeout", _client.ExpectMsg<SinkClosed>().Reason);
        ExpectTerminated(session);
    }
}
