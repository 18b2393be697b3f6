using Newtonsoft.Json.Linq;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Queue statistics end to end: the whole server over real sockets against a PbxSim that outlives it (a real PBX
/// does not restart with Xuc), both on one clock the test moves by hand in a +02:00 zone, so hold times of 5 to 30 s
/// take no time. Queue <c>sales</c> (id 1, 3000) has six members, phones 1001–1006 that answer when told.
/// </summary>
public sealed class QueueStatisticsTests
{
    private const int Sales = 1;

    private static ScriptedDay NewDay() => new(pbx =>
    {
        for (var i = 1; i <= 6; i++) pbx.AddEndpoint($"100{i}", "default", $"Agent {i}", EndpointBehaviour.Manual);
        pbx.AddQueue("sales", "3000");
    });

    private static async Task<(CtiClient Client, QueueStatsFold Fold)> WallboardAsync(TestServer server)
    {
        var client = await CtiClient.LoginAsync(server, "admin", "admin");
        await QueueFrames.Send(client, "subscribeToQueueStats");
        var fold = new QueueStatsFold();
        // The snapshot: one frame per configured queue (sales, support, billing), every counter.
        for (var i = 0; i < 3; i++) fold.Apply(await QueueFrames.Next(client, "QueueStatistics"));
        Assert.Equal([1, 2, 3], fold.Queues.Keys.Order());
        return (client, fold);
    }

    [Fact]
    public async Task A_scripted_day_gives_the_counters_computed_by_hand_as_snapshot_then_deltas_and_a_restart_mid_day_keeps_them()
    {
        await using var day = NewDay();
        await day.Sim.StartAsync();
        await day.StartServerAsync();
        var (wallboard, fold) = await WallboardAsync(day.Server);
        Assert.All(fold.Queues.Values, q => Assert.All(q.Values, v => Assert.Equal(0, v)));

        for (var i = 1; i <= 6; i++) Assert.Null(day.Sim.Model.AddMember("sales", $"PJSIP/100{i}", $"Agent {i}"));
        await fold.Until(wallboard, Sales, ("LoggedAgents", 6), ("AvailableAgents", 6));

        // 10:00:00: ten callers; the first rings every member.
        var callers = Enumerable.Range(1, 10).Select(i => day.Sim.Model.ExternalCall($"06000000{i:00}", "3000", $"Caller {i}")).ToList();
        await fold.Until(wallboard, Sales, ("TotalNumberCallsEntered", 10), ("WaitingCalls", 10), ("AvailableAgents", 0));

        // Four answered within 15 s (after 5, 8, 10 and 12 s). app_queue's hold time average: 1, 2, 4, 6.
        (int At, string Phone, double Ewt)[] answers = [(5, "1001", 1), (8, "1002", 2), (10, "1003", 4), (12, "1004", 6)];
        foreach (var (n, (at, phone, ewt)) in answers.Index())
        {
            day.At(at);
            day.Sim.Model.Answer(phone);
            await fold.Until(wallboard, Sales, ("TotalNumberCallsAnswered", n + 1), ("PercentageAnsweredBefore15", (n + 1) * 10), ("WaitingCalls", 9 - n),
                ("EWT", ewt), ("TalkingAgents", n + 1), ("LongestWaitingTime", at), ("AvailableAgents", 0));
        }
        // Every counter as computed by hand: the fold reads until they all hold, then nothing else may differ.
        var beforeRestart = Expected(entered: 10, answered: 4, pctAnswered: 40, abandoned: 0, abandonedAfter: 0, pctAbandoned: 0, waiting: 6, longest: 12, ewt: 6,
            available: 0, talking: 4, logged: 6);
        await fold.Until(wallboard, Sales, [.. beforeRestart.Select(kv => (kv.Key, kv.Value))]);
        Assert.Equal(beforeRestart, fold[Sales]);

        // The server restarts mid-day; the PBX keeps its calls. The day's counters come back from the journal, the
        // live ones from the PBX's lists once the AMI link is back.
        await wallboard.DisposeAsync();
        await day.Server.DisposeAsync();
        await day.StartServerAsync();
        (wallboard, fold) = await WallboardAsync(day.Server);
        foreach (var name in new[] { "TotalNumberCallsEntered", "TotalNumberCallsAnswered", "PercentageAnsweredBefore15", "TotalNumberCallsAbandonned",
                     "TotalNumberCallsAbandonnedAfter15", "PercentageAbandonnedAfter15", "EWT" })
            Assert.Equal(beforeRestart[name], fold[Sales][name]);
        await fold.Until(wallboard, Sales, beforeRestart.Select(kv => (kv.Key, kv.Value)).ToArray());
        Assert.Equal(beforeRestart, fold[Sales]);

        // Abandons after 14 s and 15 s (not after 15), an answer after 20 s, an abandon after 25 s, an answer after 30 s.
        day.At(14);
        day.Sim.Model.Hangup(callers[9]);
        await fold.Until(wallboard, Sales, ("TotalNumberCallsAbandonned", 1), ("TotalNumberCallsAbandonnedAfter15", 0), ("WaitingCalls", 5), ("LongestWaitingTime", 14));
        day.At(15);
        day.Sim.Model.Hangup(callers[8]);
        await fold.Until(wallboard, Sales, ("TotalNumberCallsAbandonned", 2), ("TotalNumberCallsAbandonnedAfter15", 0), ("WaitingCalls", 4), ("LongestWaitingTime", 15));
        day.At(20);
        day.Sim.Model.Answer("1005");
        await fold.Until(wallboard, Sales, ("TotalNumberCallsAnswered", 5), ("WaitingCalls", 3), ("EWT", 9), ("TalkingAgents", 5), ("LongestWaitingTime", 20),
            ("AvailableAgents", 0));
        day.At(25);
        day.Sim.Model.Hangup(callers[7]);
        await fold.Until(wallboard, Sales, ("TotalNumberCallsAbandonned", 3), ("TotalNumberCallsAbandonnedAfter15", 1), ("PercentageAbandonnedAfter15", 10),
            ("WaitingCalls", 2), ("LongestWaitingTime", 25));
        day.At(30);
        day.Sim.Model.Answer("1006");
        await fold.Until(wallboard, Sales, ("TotalNumberCallsAnswered", 6), ("WaitingCalls", 1), ("EWT", 14), ("TalkingAgents", 6), ("LongestWaitingTime", 30),
            ("AvailableAgents", 0));

        // By hand: 10 entered; 6 answered, 4 of them within 15 s (40 %); 3 abandoned, 1 after 15 s (10 %); caller 7
        // waits since 10:00:00 (30 s); EWT (3·old + hold) / 4 over 5, 8, 10, 12, 20, 30 = 14; six members on a call.
        var byHand = Expected(entered: 10, answered: 6, pctAnswered: 40, abandoned: 3, abandonedAfter: 1, pctAbandoned: 10, waiting: 1, longest: 30, ewt: 14,
            available: 0, talking: 6, logged: 6);
        await fold.Until(wallboard, Sales, [.. byHand.Select(kv => (kv.Key, kv.Value))]);
        Assert.Equal(byHand, fold[Sales]);

        // A wallboard that subscribes now gets, as its snapshot, what the first folded from the deltas.
        var (late, lateFold) = await WallboardAsync(day.Server);
        Assert.Equal(byHand, lateFold[Sales]);
        Assert.All(lateFold.Queues.Where(q => q.Key != Sales), q => Assert.All(q.Value.Values, v => Assert.Equal(0, v)));

        // The last hour against a 10 s threshold: answered after 5, 8, 10 (3 of 10 entered); abandoned after 14, 15, 25 (all 3).
        await QueueFrames.Send(late, "getQueueStatistics", new { queueId = Sales, window = 3600, xqos = 10 });
        SameJson(Window(3600, 10, 10, 6, 3, 30.0, 3, 3, 30.0), await QueueFrames.Next(late, "GetQueueStatistics", "Error"));
        // The last 10 s (after 10:00:20): the abandon at 25 s and the answer at 30 s; no call entered. xqos defaults to the threshold.
        await QueueFrames.Send(late, "getQueueStatistics", new { queueId = Sales, window = 10 });
        SameJson(Window(10, 15, 0, 1, 0, 0.0, 1, 1, 0.0), await QueueFrames.Next(late, "GetQueueStatistics", "Error"));

        // The next day (local): the first call of the day starts the day's counters from zero; the hold time average stays.
        day.Clock.Advance(TimeSpan.FromHours(14));
        day.Sim.Model.ExternalCall("0600000011", "3000", "Caller 11");
        await fold.Until(wallboard, Sales, ("TotalNumberCallsEntered", 1), ("TotalNumberCallsAnswered", 0), ("PercentageAnsweredBefore15", 0),
            ("TotalNumberCallsAbandonned", 0), ("TotalNumberCallsAbandonnedAfter15", 0), ("PercentageAbandonnedAfter15", 0), ("WaitingCalls", 2));
        Assert.Equal(14, fold[Sales]["EWT"]);

        await wallboard.DisposeAsync();
        await late.DisposeAsync();
    }

    [Fact]
    public async Task QueueCalls_lists_the_waiting_callers_on_every_change_until_unsubscribed_and_bad_arguments_get_an_Error_with_a_reason()
    {
        await using var day = NewDay();
        await day.Sim.StartAsync();
        await day.StartServerAsync();
        await using var watcher = await CtiClient.LoginAsync(day.Server, "alice", "alice");
        await using var other = await CtiClient.LoginAsync(day.Server, "admin", "admin"); // sees every queue (bob, NoRight without an agent, sees none)

        // An empty queue: an empty list at once, to each subscriber.
        foreach (var client in new[] { watcher, other })
        {
            await QueueFrames.Send(client, "subscribeToQueueCalls", new { queueId = Sales });
            SameJson(Calls(Sales), await QueueFrames.Next(client, "QueueCalls", "Error"));
        }

        // Each change is one frame with the whole list, positions 1..n in queue order, queueTime in local time. (Each
        // frame is read before the clock moves: the server stamps a caller when it hears of him.)
        async Task Both(JObject expected)
        {
            foreach (var client in new[] { watcher, other }) SameJson(expected, await QueueFrames.Next(client, "QueueCalls", "Error"));
        }
        var c1 = day.Sim.Model.ExternalCall("0600000001", "3000", "Caller 1");
        await Both(Calls(Sales, (1, "Caller 1", "0600000001", "2026-03-10T10:00:00.000+02:00")));
        day.At(4);
        var c2 = day.Sim.Model.ExternalCall("0600000002", "3000");
        await Both(Calls(Sales, (1, "Caller 1", "0600000001", "2026-03-10T10:00:00.000+02:00"), (2, "", "0600000002", "2026-03-10T10:00:04.000+02:00")));
        day.At(6);
        day.Sim.Model.ExternalCall("0600000003", "3000", "Caller 3");
        await Both(Calls(Sales, (1, "Caller 1", "0600000001", "2026-03-10T10:00:00.000+02:00"), (2, "", "0600000002", "2026-03-10T10:00:04.000+02:00"),
            (3, "Caller 3", "0600000003", "2026-03-10T10:00:06.000+02:00")));
        day.At(9);
        day.Sim.Model.Hangup(c1);
        await Both(Calls(Sales, (1, "", "0600000002", "2026-03-10T10:00:04.000+02:00"), (2, "Caller 3", "0600000003", "2026-03-10T10:00:06.000+02:00")));

        // The watcher stops following sales and follows support (its empty list says the feed has both requests);
        // then a change in sales reaches the other subscriber only.
        await QueueFrames.Send(watcher, "unSubscribeToQueueCalls", new { queueId = Sales });
        await QueueFrames.Send(watcher, "subscribeToQueueCalls", new { queueId = 2 });
        SameJson(Calls(2), await QueueFrames.Next(watcher, "QueueCalls", "Error"));
        day.At(12);
        day.Sim.Model.Hangup(c2);
        SameJson(Calls(Sales, (1, "Caller 3", "0600000003", "2026-03-10T10:00:06.000+02:00")), await QueueFrames.Next(other, "QueueCalls", "Error"));
        await watcher.SendAsync("""{"claz":"ping"}""");
        Assert.Empty(await FramesUntilPong(watcher, "QueueCalls"));

        // Bad arguments: an Error with a reason each; the session stays usable and nothing changed.
        (object Arguments, string Command, string Code, string Message)[] bad =
        [
            (new { queueId = 99 }, "subscribeToQueueCalls", "UnknownQueue", "subscribeToQueueCalls: no queue has id 99"),
            (new { queueId = "1" }, "subscribeToQueueCalls", "InvalidArgument", "subscribeToQueueCalls: 'queueId' must be integer, not string"),
            (new { }, "unSubscribeToQueueCalls", "InvalidArgument", "unSubscribeToQueueCalls: 'queueId' is missing"),
            (new { queueId = 99, window = 60 }, "getQueueStatistics", "UnknownQueue", "getQueueStatistics: no queue has id 99"),
            (new { queueId = Sales, window = 0 }, "getQueueStatistics", "InvalidArgument", "getQueueStatistics: window must be a number of seconds above 0, not 0"),
            (new { queueId = Sales, window = -5 }, "getQueueStatistics", "InvalidArgument", "getQueueStatistics: window must be a number of seconds above 0, not -5"),
            (new { queueId = Sales, window = 10_000_000 }, "getQueueStatistics", "InvalidArgument",
                "getQueueStatistics: window must be at most 86400 seconds (xuc.statistics.max-window), not 10000000"),
            (new { queueId = Sales, window = 60, xqos = -1 }, "getQueueStatistics", "InvalidArgument", "getQueueStatistics: xqos must be a number of seconds from 0 to 86400, not -1"),
            (new { queueId = Sales, window = 1.5 }, "getQueueStatistics", "InvalidArgument", "getQueueStatistics: 'window' must be integer, not float"),
            (new { queueId = Sales }, "getQueueStatistics", "InvalidArgument", "getQueueStatistics: 'window' is missing"),
        ];
        foreach (var (arguments, command, code, message) in bad)
        {
            await QueueFrames.Send(other, command, arguments);
            SameJson(new JObject { ["Error"] = code, ["message"] = message }, await QueueFrames.Next(other, "Error", "GetQueueStatistics"));
        }
        // The last minute: three callers entered, two abandoned after 9 and 8 s.
        await QueueFrames.Send(other, "getQueueStatistics", new { queueId = Sales, window = 60 });
        SameJson(Window(60, 15, 3, 0, 0, 0.0, 2, 0, 0.0), await QueueFrames.Next(other, "GetQueueStatistics", "Error"));
    }

    /// <summary>Compared as written (field order included), so a failure shows both frames.</summary>
    private static void SameJson(JObject expected, JObject actual)
        => Assert.Equal(expected.ToString(Newtonsoft.Json.Formatting.None), actual.ToString(Newtonsoft.Json.Formatting.None));

    private static JObject Calls(int queueId, params (int Position, string Name, string Number, string QueueTime)[] calls)
        => JObject.FromObject(new { queueId, calls = calls.Select(c => new { position = c.Position, name = c.Name, number = c.Number, queueTime = c.QueueTime }) });

    /// <summary>The frames of these types read before the next Pong.</summary>
    private static async Task<List<JObject>> FramesUntilPong(CtiClient client, params string[] types)
    {
        var seen = new List<JObject>();
        while (true)
        {
            var frame = await QueueFrames.Receive(client);
            if ((string)frame["msgType"]! == "Pong") return seen;
            if (types.Contains((string)frame["msgType"]!)) seen.Add(frame);
        }
    }

    private static Dictionary<string, double> Expected(double entered, double answered, double pctAnswered, double abandoned, double abandonedAfter,
        double pctAbandoned, double waiting, double longest, double ewt, double available, double talking, double logged)
        => QueueStatsFold.Names.Zip([entered, answered, pctAnswered, abandoned, abandonedAfter, pctAbandoned, waiting, longest, ewt, available, talking, logged])
            .ToDictionary(p => p.Item1, p => p.Item2);

    private static JObject Window(int window, int xqos, int entered, int answered, int within, double pctWithin, int abandoned, int after, double pctAfter)
        => JObject.FromObject(new
        {
            queueId = Sales, window, xqos,
            counters = new object[]
            {
                new { statName = "TotalNumberCallsEntered", value = entered },
                new { statName = "TotalNumberCallsAnswered", value = answered },
                new { statName = $"TotalNumberCallsAnsweredBefore{xqos}", value = within },
                new { statName = $"PercentageAnsweredBefore{xqos}", value = pctWithin },
                new { statName = "TotalNumberCallsAbandonned", value = abandoned },
                new { statName = $"TotalNumberCallsAbandonnedAfter{xqos}", value = after },
                new { statName = $"PercentageAbandonnedAfter{xqos}", value = pctAfter },
            },
        });
}
