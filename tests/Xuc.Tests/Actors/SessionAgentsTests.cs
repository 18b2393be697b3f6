using System.Text;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Host.WebSocket;
using Xuc.Tests.Support;

namespace Xuc.Tests.Actors;

/// <summary>
/// A session's agent side driven directly: a probe stands for the agent shard region, so the tests see exactly what
/// reaches the agents (and through them the PBX) and what the client is sent.
/// </summary>
public sealed class SessionAgentsTests : TestKit
{
    private readonly TestProbe _client;
    private readonly TestProbe _lines;
    private readonly TestProbe _mediator;
    private readonly TestProbe _agents;
    private readonly FakeSessionDirectory _directory = new();

    public SessionAgentsTests() : base("akka.loglevel = WARNING")
    {
        _client = CreateTestProbe();
        _lines = CreateTestProbe();
        _mediator = CreateTestProbe();
        _agents = CreateTestProbe();
        ActorRegistry.For(Sys).Register<AgentRegion>(_agents.Ref);
    }

    private static SessionUser User(ProfileKind profile, int? agentId, IReadOnlyList<int>? groups = null) => new(
        new User { Id = 7, Login = "jbond", PasswordHash = "h", FirstName = "James", LastName = "Bond", LineId = 1, AgentId = agentId },
        profile, SessionActorTests.Line1001, SessionActorTests.Statuses) { SupervisedGroups = groups ?? [] };

    private static readonly DateTimeOffset Long = DateTimeOffset.UtcNow.AddMinutes(-3);

    private static AgentState Ready(string agentId) => AgentState.Empty(agentId).Apply(new AgentLoggedIn(agentId, "1001", "PJSIP/1001", DateTimeOffset.UtcNow))
        .Apply(new AgentQueueJoined(agentId, "sales", 1, "PJSIP/1001", DateTimeOffset.UtcNow));

    /// <param name="agentState">The agent's state the set-up reads (an agent's connect sequence ends with it).</param>
    private IActorRef Connected(SessionUser user, AgentState? agentState = null)
    {
        _directory.With(user);
        var session = Sys.ActorOf(SessionActor.PropsFor("jbond", new FakeSessionSink(_client.Ref), new SessionSettings
        {
            LoggedOnTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(60), OutboxCapacity = 16,
        }, _directory, _lines.Ref, _mediator.Ref));
        _lines.ExpectMsg<GetLineState>();
        _lines.Reply(new LineSnapshot("PJSIP/1001", [], "NOT_INUSE"));
        if (user.User.AgentId is { } agent)
        {
            Assert.Equal(agent.ToString(), _agents.ExpectMsg<GetAgentState>().AgentId);
            _agents.Reply(agentState ?? AgentState.Empty(agent.ToString()));
        }
        _client.ReceiveN(8);
        return session;
    }

    private static ClientCommand Command(string json) => new((string)JObject.Parse(json)["command"]!, JObject.Parse(json));

    private static string Wire(object message) => Encoding.UTF8.GetString(CtiCodec.Encode((ICtiMessage)message));

    [Fact]
    public void An_agents_session_follows_his_state_from_connect_and_acts_on_his_own_agent_only()
    {
        var threeMinutesAgo = DateTimeOffset.UtcNow.AddSeconds(-180);
        var session = Connected(User(ProfileKind.NoRight, 3), AgentState.Empty("3") with { Since = threeMinutesAgo });
        // The connect sequence's last frame: the state read during set-up ("since": 180 s plus the set-up's own time).
        var first = Wire(_client.ExpectMsg<AgentStateEvent>());
        Assert.Matches("""^\{"msgType":"AgentStateEvent","ctiMessage":\{"name":"AgentLoggedOut","agentId":3,"phoneNb":"","since":18[0-5],"queues":\[\],"cause":""\}\}$""", first);
        var topics = _mediator.ReceiveN(4).Cast<Subscribe>().Select(s => s.Topic).ToArray();
        Assert.Equal([Topics.User("jbond"), Topics.Config, Topics.Mailbox("1001@default"), Topics.Agent("3")], topics);
        // Read again once subscribed (a change in between is not missed); the same state is not pushed twice: the
        // session's next frame is the answer to the command below.
        Assert.Equal("3", _agents.ExpectMsg<GetAgentState>().AgentId);
        _agents.Reply(AgentState.Empty("3") with { Since = threeMinutesAgo });

        // Another agent's: refused here, nothing reaches any agent; his own: the agent hears it, with no group limit.
        session.Tell(Command("""{"claz":"web","command":"pauseAgent","agentid":5}"""));
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"NotAuthorized","message":"pauseAgent: agent 5 is not jbond's own agent"}}""",
            Wire(_client.ExpectMsg<CtiError>()));
        session.Tell(Command("""{"claz":"web","command":"pauseAgent","reason":"lunch"}"""));
        var pause = _agents.ExpectMsg<AgentPauseRequest>();
        Assert.Equal(("3", true, "lunch", null), (pause.AgentId, pause.Pause, pause.Reason, pause.By.Groups));

        // What the PBX refused, in the reference's words; a state from the agent's topic.
        _agents.Reply(new AgentRequestOutcome("3", AgentErrors.LoggedInOnAnotherPhone, PhoneNb: "1001", RequestedNb: "1002"));
        Assert.Equal("""{"msgType":"AgentError","ctiMessage":{"Error":"LoggedInOnAnotherPhone","phoneNb":"1001","RequestedNb":"1002"}}""",
            Wire(_client.ExpectMsg<AgentError>()));
        session.Tell(new AgentStateChanged(Ready("3")));
        Assert.Equal("""{"msgType":"AgentStateEvent","ctiMessage":{"name":"AgentReady","agentId":3,"phoneNb":"1001","since":0,"queues":[1],"cause":""}}""",
            Wire(_client.ExpectMsg<AgentStateEvent>()));
        // An older state read late (the connect read racing a change) is not shown over a newer one.
        session.Tell(new AgentStateChanged(AgentState.Empty("3") with { Since = Long }));
        session.Tell(new ClientPing());
        _client.ExpectMsg<Pong>();
    }

    [Fact]
    public void A_supervisors_requests_carry_his_groups_and_the_agents_refusal_is_NotAuthorized()
    {
        var session = Connected(User(ProfileKind.Supervisor, null, [1, 4]));
        // The agents of his groups come after subscribeToAgentEvents, from the node's agent feed: nothing unasked here.
        var topics = _mediator.ReceiveN(3).Cast<Subscribe>().Select(s => s.Topic).ToArray();
        Assert.Equal([Topics.User("jbond"), Topics.Config, Topics.Mailbox("1001@default")], topics);

        session.Tell(Command("""{"claz":"web","command":"agentLogin","agentid":"12","agentphonenumber":1005}"""));
        var login = _agents.ExpectMsg<AgentLoginRequest>();
        Assert.Equal(("12", "1005"), (login.AgentId, login.PhoneNumber));
        Assert.Equal([1, 4], login.By.Groups!);
        _agents.Reply(new AgentRequestOutcome("12", AgentErrors.NotAuthorized, "agent 12 is not in a group of jbond's profile"));
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"NotAuthorized","message":"agent 12 is not in a group of jbond's profile"}}""",
            Wire(_client.ExpectMsg<CtiError>()));

        // Without an agent of his own, a command naming none has nobody to act on.
        session.Tell(Command("""{"claz":"web","command":"agentLogout"}"""));
        Assert.Equal(CtiErrors.InvalidArgument, _client.ExpectMsg<CtiError>().Error);
        _mediator.ExpectNoMsg(TimeSpan.Zero); // by now the session has long started: no subscription to his groups' agents
    }
}
