using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.UserServices;
using Xuc.Tests.Support;

namespace Xuc.Tests.Actors;

/// <summary>The session's side of phone services, status actions and voicemail, with a fake desk (the server's desk: Host/UserServicesTests).</summary>
public sealed class SessionUserServicesTests : TestKit
{
    private readonly TestProbe _client;
    private readonly TestProbe _lines;
    private readonly TestProbe _mediator;
    private readonly FakeDesk _desk = new();

    public SessionUserServicesTests() : base("akka.loglevel = WARNING")
    {
        _client = CreateTestProbe();
        _lines = CreateTestProbe();
        _mediator = CreateTestProbe();
    }

    private sealed class FakeDesk : IUserServiceDesk
    {
        public ConcurrentQueue<object> Asked { get; } = new();
        public CtiError? Answer { get; set; }

        public Task<CtiError?> SetAsync(SessionUser user, PhoneServiceSetting setting)
        {
            Asked.Enqueue(setting);
            return Task.FromResult(Answer);
        }

        public Task<IReadOnlyList<CtiError>> ApplyStatusActionsAsync(SessionUser user, UserStatus status)
        {
            Asked.Enqueue(status.Name);
            return Task.FromResult<IReadOnlyList<CtiError>>(Answer is { } e ? [e] : []);
        }

        public Task<VoiceMailStatusUpdate> VoiceMailAsync(SessionUser user) => Task.FromResult(Mailboxes.Status(user, 4, 2));
    }

    private IActorRef Connected()
    {
        var directory = new FakeSessionDirectory().With(SessionActorTests.James());
        var settings = new SessionSettings { LoggedOnTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromMinutes(10), OutboxCapacity = 16 };
        var session = Sys.ActorOf(SessionActor.PropsFor("jbond", new FakeSessionSink(_client.Ref), settings, directory, _lines.Ref, _mediator.Ref, desk: _desk));
        _lines.ExpectMsg<GetLineState>();
        _lines.Reply(new LineSnapshot("PJSIP/1001", [], "NOT_INUSE"));
        var sequence = _client.ReceiveN(8).ToList();
        Assert.Equal(new VoiceMailStatusUpdate(7, 4, 1, 2), sequence[7]);
        Assert.Equal([Topics.User("jbond"), Topics.Config, Topics.Mailbox("1001@default")], _mediator.ReceiveN(3).Cast<Subscribe>().Select(s => s.Topic));
        return session;
    }

    private static ClientCommand Command(string json) => new((string)JObject.Parse(json)["command"]!, JObject.Parse(json));

    [Fact]
    public void A_phone_service_command_goes_to_the_desk_and_only_its_error_comes_back()
    {
        var session = Connected();
        session.Tell(Command("""{"claz":"web","command":"naFwd","state":true,"destination":"1002"}"""));
        session.Tell(Command("""{"claz":"web","command":"dnd","state":false}"""));
        session.Tell(ClientPing.Instance);
        // Nothing but the Pong: a command that went well is answered by the user's topic, not here.
        _client.ExpectMsg<Pong>();
        AwaitAssert(() => Assert.Equal(2, _desk.Asked.Count));
        Assert.Equal([new PhoneServiceSetting(PhoneService.NaFwd, true, "1002"), new PhoneServiceSetting(PhoneService.Dnd, false)], _desk.Asked);

        _desk.Answer = new CtiError(CtiErrors.PbxRefused, "busyFwd: the PBX refused DBPut: Failed to update entry");
        session.Tell(Command("""{"claz":"web","command":"busyFwd","state":false}"""));
        Assert.Equal(_desk.Answer, _client.ExpectMsg<CtiError>());
    }

    [Fact]
    public void Services_and_mailbox_counts_announced_on_the_topics_become_UserConfigUpdate_and_VoiceMailStatusUpdate()
    {
        var session = Connected();
        var services = new PhoneServices { DndEnabled = true, BusyFwdEnabled = true, BusyFwdDestination = "1002" };
        session.Tell(new UserServicesChanged("jbond", services));
        var update = _client.ExpectMsg<UserConfigUpdate>();
        Assert.Equal((7, true, false, true, "1002", 7, true), (update.UserId, update.DndEnabled, update.UncFwdEnabled, update.BusyFwdEnabled, update.BusyFwdDestination, update.VoiceMailId, update.VoiceMailEnabled));

        session.Tell(new MailboxChanged("1001@default", 0, 5, false));
        Assert.Equal(new VoiceMailStatusUpdate(7, 0, 0, 5), _client.ExpectMsg<VoiceMailStatusUpdate>());
    }

    [Fact]
    public void A_status_with_actions_has_them_applied_after_the_status_is_published()
    {
        var session = Connected();
        session.Tell(Command("""{"claz":"web","command":"userStatusUpdate","status":"available"}"""));
        Assert.IsType<UserStatusChanged>(_mediator.ExpectMsg<Publish>().Message);
        session.Tell(Command("""{"claz":"web","command":"userStatusUpdate","status":"donotdisturb"}"""));
        Assert.IsType<UserStatusChanged>(_mediator.ExpectMsg<Publish>().Message);
        _desk.Answer = null;
        AwaitAssert(() => Assert.Equal(["donotdisturb"], _desk.Asked)); // "available" has no actions: the desk is not asked
    }
}
