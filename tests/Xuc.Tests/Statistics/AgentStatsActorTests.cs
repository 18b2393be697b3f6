using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Statistics;
using Xuc.Tests.Support;
using static Xuc.Actors.Statistics.AgentCounters;

namespace Xuc.Tests.Statistics;

/// <summary>
/// An agent's aggregator driven directly: in-memory journal, a probe for the pub-sub mediator, a clock moved by hand
/// in a +02:00 zone, and timers on a scheduler the test advances (no test waits for midnight or a refresh).
/// </summary>
public sealed class AgentStatsActorTests() : TestKit(@"
akka.loglevel = WARNING
akka.scheduler.implementation = ""Akka.TestKit.TestScheduler, Akka.TestKit""
akka.persistence.journal.plugin = ""akka.persistence.journal.inmem""
akka.persistence.snapshot-store.plugin = ""akka.persistence.snapshot-store.inmem""
")
{
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("test+02", TimeSpan.FromHours(2), "test+02", "test+02");
    private static readonly AgentStatsSettings NoRefresh = new() { Refresh = TimeSpan.Zero };

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private static IReadOnlyList<AgentStat> Published(TestProbe mediator)
    {
        var publish = mediator.ExpectMsg<Publish>();
        Assert.Equal(Topics.AgentStats, publish.Topic);
        var changed = Assert.IsType<AgentStatsChanged>(publish.Message);
        Assert.Equal("1", changed.AgentId);
        return changed.Stats;
    }

    private static AgentState LoggedIn(DateTimeOffset at) => AgentState.Empty("1").Apply(new AgentLoggedIn("1", "1001", "PJSIP/1001", at));

    [Fact]
    public void Totals_survive_a_restart_and_go_back_to_zero_at_local_midnight_the_status_in_progress_counting_from_it()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 10, 23, 58, 0, TimeSpan.FromHours(2)), Plus2);
        var mediator = CreateTestProbe();
        var stats = Sys.ActorOf(AgentStatsActor.PropsFor("1", NoRefresh, clock, mediator.Ref));

        var ready = LoggedIn(clock.GetUtcNow());
        stats.Tell(new AgentStatsInput(ready, clock.GetUtcNow()));
        Assert.Equal([AgentStat.Of(LoginDateTime, "2026-03-10T23:58:00.000+02:00")], Published(mediator));
        clock.Advance(TimeSpan.FromSeconds(30));
        var paused = ready.Apply(new AgentPaused("1", "lunch", clock.GetUtcNow()));
        stats.Tell(new AgentStatsInput(paused, clock.GetUtcNow()));
        Assert.Equal([new AgentStat(AgentReadyTotalTime, 30L)], Published(mediator));

        // Stopped and started again (a restart, or the shard moving): the day is read back from the journal, the pause
        // in progress counted up to now; the entity's first state after its own recovery changes nothing.
        Watch(stats);
        Sys.Stop(stats);
        ExpectTerminated(stats);
        clock.Advance(TimeSpan.FromSeconds(10));
        stats = Sys.ActorOf(AgentStatsActor.PropsFor("1", NoRefresh, clock, mediator.Ref));
        stats.Tell(new AgentStatsInput(paused, clock.GetUtcNow()));
        stats.Tell(new GetAgentStats("1"), TestActor);
        Assert.Equal(
        [
            new(AgentPausedTotalTime, 10L), new(AgentWrapupTotalTime, 0L), new(AgentReadyTotalTime, 30L), AgentStat.Of(LoginDateTime, "2026-03-10T23:58:00.000+02:00"),
            AgentStat.Of(LogoutDateTime, ""), new(InbCalls, 0L), new(InbAnsCalls, 0L), new(InbAverCallTime, 0L), new(OutCalls, 0L),
        ], ExpectMsg<AgentStatsSnapshot>().Stats);
        mediator.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // 23:58:40 local: the midnight timer is 80 s away. The clock passes midnight by 5 s; the timer fires: the day's
        // zeros, the pause counted from midnight, the login kept (he is still logged in).
        clock.Advance(TimeSpan.FromSeconds(85));
        Scheduler.Advance(TimeSpan.FromSeconds(80));
        Assert.Equal([new AgentStat(AgentPausedTotalTime, 5L), new AgentStat(AgentReadyTotalTime, 0L)], Published(mediator));
        stats.Tell(new GetAgentStats("1"), TestActor);
        Assert.Equal(
        [
            new(AgentPausedTotalTime, 5L), new(AgentWrapupTotalTime, 0L), new(AgentReadyTotalTime, 0L), AgentStat.Of(LoginDateTime, "2026-03-10T23:58:00.000+02:00"),
            AgentStat.Of(LogoutDateTime, ""), new(InbCalls, 0L), new(InbAnsCalls, 0L), new(InbAverCallTime, 0L), new(OutCalls, 0L),
        ], ExpectMsg<AgentStatsSnapshot>().Stats);

        // The next midnight is a day away: its timer was scheduled again.
        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(5));
        Scheduler.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(5));
        Assert.Equal([new AgentStat(AgentPausedTotalTime, 0L)], Published(mediator));
    }

    [Fact]
    public void The_refresh_publishes_the_status_in_progress_as_it_grows_and_nothing_when_the_clock_did_not_move()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(2)), Plus2);
        var mediator = CreateTestProbe();
        var stats = Sys.ActorOf(AgentStatsActor.PropsFor("1", new AgentStatsSettings { Refresh = TimeSpan.FromSeconds(30) }, clock, mediator.Ref));
        stats.Tell(new AgentStatsInput(LoggedIn(clock.GetUtcNow()), clock.GetUtcNow()));
        Assert.Equal([AgentStat.Of(LoginDateTime, "2026-03-10T10:00:00.000+02:00")], Published(mediator));

        clock.Advance(TimeSpan.FromSeconds(30));
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([new AgentStat(AgentReadyTotalTime, 30L)], Published(mediator));
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        mediator.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // A snapshot asked between two refreshes carries the time up to now, and that value is published first, so the
        // deltas that follow it never repeat it.
        clock.Advance(TimeSpan.FromSeconds(12));
        stats.Tell(new GetAgentStats("1"), TestActor);
        Assert.Equal([new AgentStat(AgentReadyTotalTime, 42L)], Published(mediator));
        var snapshot = ExpectMsg<AgentStatsSnapshot>();
        Assert.Equal(new AgentStat(AgentReadyTotalTime, 42L), snapshot.Stats.Single(s => s.Name == AgentReadyTotalTime));
    }

    [Fact]
    public void The_journal_facts_the_state_and_the_publications_cross_the_serializers_unchanged()
    {
        var at = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(2));
        IAgentStatsFact[] facts = [new AgentStatusEntered(AgentStatus.Wrapup, at), new AgentQueueCallOffered(at), new AgentQueueCallAnswered(at), new AgentQueueCallEnded(at),
            new AgentOutboundCallPlaced(at)];
        var state = facts.Prepend(new AgentStatusEntered(AgentStatus.Ready, at.AddSeconds(-5))).Aggregate(AgentStatsState.Empty, (s, f) => s.Apply(f, new LocalDays(Plus2)));
        foreach (var original in facts.Cast<object>().Append(state))
        {
            var serializer = Sys.Serialization.FindSerializerFor(original);
            Assert.Equal(original, serializer.FromBinary(serializer.ToBinary(original), original.GetType()));
        }

        // The production wiring binds IEntityPublication to "json", the serializer of plain objects here too.
        var json = Assert.IsType<Akka.Serialization.NewtonSoftJsonSerializer>(Sys.Serialization.FindSerializerForType(typeof(object)));
        T Back<T>(T original) => (T)json.FromBinary(json.ToBinary(original!), typeof(T));
        AgentStat[] stats = [new(AgentReadyTotalTime, 434L), AgentStat.Of(LoginDateTime, "2026-03-10T10:00:00.000+02:00")];
        var changed = Back(new AgentStatsChanged("1", 7, stats));
        Assert.Equal(("1", 7L), (changed.AgentId, changed.Seq));
        Assert.Equal(stats, changed.Stats);
        Assert.Equal(stats, Back(new AgentStatsSnapshot("1", 8, stats)).Stats);
        Assert.Equal(new GetAgentStats("1"), Back(new GetAgentStats("1")));
    }
}
