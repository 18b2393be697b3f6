using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Statistics;
using static Xuc.Actors.Statistics.AgentCounters;

namespace Xuc.Tests.Statistics;

/// <summary>An agent's day folded from its facts (<see cref="AgentStatsState"/>), read at a moment (<see cref="AgentCounters.Of"/>), and the facts his state changes bring.</summary>
public sealed class AgentStatsStateTests
{
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("test+02", TimeSpan.FromHours(2), "test+02", "test+02");
    private static readonly LocalDays Days = new(Plus2);
    private static readonly DateTimeOffset TenAm = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(2));

    private static DateTimeOffset At(int seconds) => TenAm.AddSeconds(seconds);

    private static AgentStatsState Fold(params IAgentStatsFact[] facts) => facts.Aggregate(AgentStatsState.Empty, (s, f) => s.Apply(f, Days));

    private static AgentStat[] Stats(long paused, long wrapup, long ready, string login, string logout, long inb, long answered, long average, long outbound) =>
    [
        new(AgentPausedTotalTime, paused), new(AgentWrapupTotalTime, wrapup), new(AgentReadyTotalTime, ready), AgentStat.Of(LoginDateTime, login),
        AgentStat.Of(LogoutDateTime, logout), new(InbCalls, inb), new(InbAnsCalls, answered), new(InbAverCallTime, average), new(OutCalls, outbound),
    ];

    [Fact]
    public void A_day_of_facts_gives_the_totals_counted_by_hand_with_the_status_in_progress_counted_up_to_the_read()
    {
        var s = Fold(
            new AgentStatusEntered(AgentStatus.Ready, At(0)),
            new AgentQueueCallOffered(At(60)), new AgentStatusEntered(AgentStatus.Ringing, At(60)),
            new AgentQueueCallAnswered(At(65)), new AgentStatusEntered(AgentStatus.OnCall, At(65)),
            new AgentQueueCallEnded(At(185)), new AgentStatusEntered(AgentStatus.Wrapup, At(185)),
            new AgentQueueCallOffered(At(195)), new AgentStatusEntered(AgentStatus.Ringing, At(195)),
            new AgentQueueCallAnswered(At(200)), new AgentStatusEntered(AgentStatus.OnCall, At(200)),
            new AgentQueueCallEnded(At(261)), new AgentStatusEntered(AgentStatus.Ready, At(261)),
            new AgentStatusEntered(AgentStatus.Paused, At(300)),
            new AgentStatusEntered(AgentStatus.Paused, At(350)), // the same status again changes nothing
            new AgentStatusEntered(AgentStatus.Ready, At(900)),
            new AgentOutboundCallPlaced(At(960)), new AgentStatusEntered(AgentStatus.Dialing, At(960)), new AgentStatusEntered(AgentStatus.OnCall, At(970)),
            new AgentStatusEntered(AgentStatus.Ready, At(1090)));

        // Ready 0–60, 261–300, 900–960, 1090–1200 (read at 1200, still ready); paused 300–900; wrap-up 185–195;
        // talk 120 and 61 s: 90.5, shown 90.
        Assert.Equal(Stats(600, 10, 60 + 39 + 60 + 110, "2026-03-10T10:00:00.000+02:00", "", 2, 2, 90, 1), Of(s, At(1200), Days));
        // A read is only a read: the same state read later counts the ready time further.
        Assert.Equal(60 + 39 + 60 + 110 + 300L, Of(s, At(1500), Days).Single(x => x.Name == AgentReadyTotalTime).Number);

        // Logged out at 1300: the ready time stops there; a new login keeps the day's totals and shows the new login.
        var after = s.Apply(new AgentStatusEntered(AgentStatus.LoggedOut, At(1300)), Days);
        Assert.Equal(Stats(600, 10, 369, "2026-03-10T10:00:00.000+02:00", "2026-03-10T10:21:40.000+02:00", 2, 2, 90, 1), Of(after, At(2000), Days));
        var again = after.Apply(new AgentStatusEntered(AgentStatus.Paused, At(2000)), Days);
        Assert.Equal(Stats(605, 10, 369, "2026-03-10T10:33:20.000+02:00", "2026-03-10T10:21:40.000+02:00", 2, 2, 90, 1), Of(again, At(2005), Days));
    }

    [Fact]
    public void A_later_local_day_starts_from_zero_the_status_in_progress_counting_from_midnight_and_a_call_across_it_left_to_the_day_before()
    {
        var evening = new DateTimeOffset(2026, 3, 10, 23, 50, 0, TimeSpan.FromHours(2));
        var midnight = new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(2));
        var s = Fold(
            new AgentStatusEntered(AgentStatus.Ready, evening),
            new AgentQueueCallOffered(evening.AddMinutes(5)), new AgentQueueCallAnswered(evening.AddMinutes(5)),
            new AgentStatusEntered(AgentStatus.OnCall, evening.AddMinutes(5)));
        Assert.Equal(Stats(0, 0, 300, "2026-03-10T23:50:00.000+02:00", "", 1, 1, 0, 0), Of(s, midnight.AddSeconds(-1), Days));

        // Read after midnight: the day's zeros; he is still logged in, so his login stays (it starts his session).
        Assert.Equal(Stats(0, 0, 0, "2026-03-10T23:50:00.000+02:00", "", 0, 0, 0, 0), Of(s, midnight.AddMinutes(10), Days));
        // The call answered yesterday ends today: no talk time of today's; ready again from 00:10, read at 00:20.
        var today = s.Apply(new AgentQueueCallEnded(midnight.AddMinutes(10)), Days).Apply(new AgentStatusEntered(AgentStatus.Ready, midnight.AddMinutes(10)), Days);
        Assert.Equal(Stats(0, 0, 600, "2026-03-10T23:50:00.000+02:00", "", 0, 0, 0, 0), Of(today, midnight.AddMinutes(20), Days));

        // Ready through midnight: only the time after it counts; logged out before midnight: no login or logout the next day.
        var ready = Fold(new AgentStatusEntered(AgentStatus.Ready, evening));
        Assert.Equal(Stats(0, 0, 90, "2026-03-10T23:50:00.000+02:00", "", 0, 0, 0, 0), Of(ready, midnight.AddSeconds(90), Days));
        var gone = ready.Apply(new AgentStatusEntered(AgentStatus.LoggedOut, evening.AddMinutes(1)), Days);
        Assert.Equal(Stats(0, 0, 0, "", "", 0, 0, 0, 0), Of(gone, midnight.AddSeconds(90), Days));
        // A fact of the next day rolls the state itself over the same way.
        var rolled = gone.Apply(new AgentOutboundCallPlaced(midnight), Days);
        Assert.Equal((new DateOnly(2026, 3, 11), midnight), (rolled.Day, rolled.DayStart));
        Assert.Equal(Stats(0, 0, 0, "", "", 0, 0, 0, 1), Of(rolled, midnight.AddSeconds(90), Days));
    }

    [Fact]
    public void The_facts_of_the_agents_state_changes_count_each_queue_call_once_and_each_call_his_phone_places()
    {
        var t = At(0);
        AmiEventData Ev(string name, params (string, string)[] headers) => AmiEventData.Of(name, [("Queue", "sales"), .. headers]);
        var s = AgentStatsState.Empty;
        AgentState? before = null;
        var agent = AgentState.Empty("1");
        List<IAgentStatsFact> Step(AgentState next)
        {
            var facts = AgentCounters.FactsOf(s, before, next, t).ToList();
            foreach (var f in facts) s = s.Apply(f, Days);
            before = next;
            agent = next;
            return facts;
        }

        // The first state an aggregator sees after it starts: only the status (nothing it may have counted before).
        agent = agent.Apply(new AgentLoggedIn("1", "1001", "PJSIP/1001", t));
        Assert.Equal([new AgentStatusEntered(AgentStatus.Ready, t)], Step(agent));
        Assert.Empty(Step(agent));

        var ringing = agent.Apply(Ev("AgentCalled", ("Channel", "PJSIP/1001-00000001"), ("CallerIDNum", "0611")), t);
        Assert.Equal([new AgentQueueCallOffered(t), new AgentStatusEntered(AgentStatus.Ringing, t)], Step(ringing));
        // app_queue rings him again for another caller without a no-answer between: another offer, same status.
        Assert.Equal([new AgentQueueCallOffered(t)], Step(ringing.Apply(Ev("AgentRingNoAnswer"), t).Apply(Ev("AgentCalled", ("Channel", "PJSIP/1001-00000002")), t)));
        Assert.Equal([new AgentQueueCallAnswered(t), new AgentStatusEntered(AgentStatus.OnCall, t)], Step(agent.Apply(Ev("AgentConnect", ("Channel", "PJSIP/1001-00000002")), t)));
        Assert.Equal([new AgentQueueCallEnded(t), new AgentStatusEntered(AgentStatus.Wrapup, t)], Step(agent.Apply(Ev("AgentComplete"), t, wrapUpSeconds: 5)));
        // Answered without its ringing seen: offered and answered.
        Assert.Equal([new AgentQueueCallOffered(t), new AgentQueueCallAnswered(t), new AgentStatusEntered(AgentStatus.OnCall, t)],
            Step(agent.Apply(Ev("AgentConnect", ("Channel", "PJSIP/1001-00000003")), t)));
        Assert.Equal([new AgentQueueCallEnded(t), new AgentStatusEntered(AgentStatus.Ready, t)], Step(agent.Apply(Ev("AgentComplete"), t)));

        // His phone dials out: one outbound call, then on call (not a queue's); another channel of the same call is not a second.
        var dialing = agent.Apply(AmiEventData.Of("Newchannel", ("Channel", "PJSIP/1001-00000004"), ("ChannelState", "4"), ("Exten", "1002"), ("Uniqueid", "u4")), t);
        Assert.Equal([new AgentStatusEntered(AgentStatus.Dialing, t), new AgentOutboundCallPlaced(t)], Step(dialing));
        Assert.Equal([new AgentStatusEntered(AgentStatus.OnCall, t)],
            Step(agent.Apply(AmiEventData.Of("Newstate", ("Channel", "PJSIP/1001-00000004"), ("ChannelState", "6"), ("Uniqueid", "u4")), t)));
        // A call to his phone (created Down, ringing) is not one he placed.
        Assert.Empty(Step(agent.Apply(AmiEventData.Of("Newchannel", ("Channel", "PJSIP/1001-00000005"), ("ChannelState", "0"), ("Uniqueid", "u5")), t)));
        Assert.Equal([new AgentStatusEntered(AgentStatus.LoggedOut, t)], Step(agent.Apply(new AgentLoggedOut("1", t))));
        Assert.Equal(Stats(0, 0, 0, "2026-03-10T10:00:00.000+02:00", "2026-03-10T10:00:00.000+02:00", 3, 2, 0, 1), Of(s, t, Days));
    }
}
