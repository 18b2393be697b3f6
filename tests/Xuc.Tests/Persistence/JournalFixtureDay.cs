using Akka.Actor;
using Microsoft.Data.Sqlite;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Host.Startup;
using Xuc.Tests.Support;

namespace Xuc.Tests.Persistence;

/// <summary>
/// The day that wrote the committed journal fixtures (tests/Xuc.Tests/Fixtures/Journal): agent 1 logs in, pauses and
/// resumes 110 times (his journal snapshots at 100 and 200 events, his statistics at 200 facts), and 110 callers go
/// through queue sales, every fifth abandoning (its statistics snapshot at 200 facts). Every persisted kind is in it.
/// </summary>
public static class JournalFixtureDay
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>One journal or snapshot row as the SQL plugin stores it.</summary>
    public sealed record Row(string Table, string PersistenceId, long SequenceNr, int SerializerId, string Manifest, byte[] Payload);

    public static async Task RunAsync(ActorHost node, string eventsFile)
    {
        var agents = await node.Registry.GetAsync<AgentRegion>();
        var queues = await node.Registry.GetAsync<QueueRegion>();
        Ok(await agents.Ask<AgentCommandResult>(new LoginAgent("1", "1001", "PJSIP/1001"), Timeout));
        for (var i = 0; i < 110; i++)
        {
            Ok(await agents.Ask<AgentCommandResult>(new PauseAgent("1", i % 2 == 0 ? "lunch" : "break"), Timeout));
            Ok(await agents.Ask<AgentCommandResult>(new UnpauseAgent("1"), Timeout));
        }
        for (var i = 0; i < 110; i++)
        {
            var uid = $"1700000000.{i}";
            queues.Tell(new QueueAmiEvent("sales", AmiEventData.Of("QueueCallerJoin", ("Queue", "sales"), ("Uniqueid", uid), ("CallerIDNum", "06000000" + i.ToString("00")), ("Position", "1"))));
            queues.Tell(new QueueAmiEvent("sales", i % 5 == 4
                ? AmiEventData.Of("QueueCallerAbandon", ("Queue", "sales"), ("Uniqueid", uid), ("HoldTime", "7"), ("Position", "1"))
                : AmiEventData.Of("AgentConnect", ("Queue", "sales"), ("Uniqueid", uid), ("HoldTime", "3"), ("Interface", "PJSIP/1002"))));
            queues.Tell(new QueueAmiEvent("sales", AmiEventData.Of("QueueCallerLeave", ("Queue", "sales"), ("Uniqueid", uid), ("Position", "1"))));
        }
        // After the snapshots, the kinds the loops do not leave in the journal: a logout and login, queues joined and
        // left, a queue call offered, answered and ended, a call of his own; a caller who leaves unanswered.
        Ok(await agents.Ask<AgentCommandResult>(new LogoutAgent("1"), Timeout));
        Ok(await agents.Ask<AgentCommandResult>(new LoginAgent("1", "1001", "PJSIP/1001"), Timeout));
        foreach (var (name, queue) in new[] { ("QueueMemberAdded", "sales"), ("QueueMemberAdded", "billing"), ("QueueMemberRemoved", "billing") })
            agents.Tell(new AgentAmiEvent("1", AmiEventData.Of(name, ("Queue", queue), ("Interface", "PJSIP/1001"), ("StateInterface", "PJSIP/1001"),
                ("MemberName", "Agent 1001"), ("Paused", "0"))));
        await Wait.Until(async () => (await agents.Ask<AgentState>(new GetAgentState("1"), Timeout)).Memberships.Count == 1, Timeout, "agent 1 in sales only");
        agents.Tell(new AgentAmiEvent("1", AmiEventData.Of("AgentCalled", ("Queue", "sales"), ("Interface", "PJSIP/1001"), ("CallerIDNum", "0611111111"),
            ("Channel", "PJSIP/1001-00000001"), ("Uniqueid", "1700000100.1"))));
        agents.Tell(new AgentAmiEvent("1", AmiEventData.Of("AgentConnect", ("Queue", "sales"), ("Interface", "PJSIP/1001"), ("CallerIDNum", "0611111111"),
            ("Channel", "PJSIP/1001-00000001"), ("Uniqueid", "1700000100.1"), ("HoldTime", "2"))));
        agents.Tell(new AgentAmiEvent("1", AmiEventData.Of("AgentComplete", ("Queue", "sales"), ("Interface", "PJSIP/1001"), ("Uniqueid", "1700000100.1"),
            ("TalkTime", "5"), ("Reason", "agent"))));
        agents.Tell(new AgentAmiEvent("1", AmiEventData.Of("Newchannel", ("Channel", "PJSIP/1001-00000002"), ("ChannelState", "4"), ("Exten", "1002"),
            ("Uniqueid", "1700000200.1"), ("Linkedid", "1700000200.1"))));
        agents.Tell(new AgentAmiEvent("1", AmiEventData.Of("Hangup", ("Channel", "PJSIP/1001-00000002"), ("Uniqueid", "1700000200.1"), ("Cause", "16"))));
        Ok(await agents.Ask<AgentCommandResult>(new PauseAgent("1", "training"), Timeout));
        queues.Tell(new QueueAmiEvent("sales", AmiEventData.Of("QueueCallerJoin", ("Queue", "sales"), ("Uniqueid", "1700000300.1"), ("CallerIDNum", "0622222222"), ("Position", "1"))));
        queues.Tell(new QueueAmiEvent("sales", AmiEventData.Of("QueueCallerLeave", ("Queue", "sales"), ("Uniqueid", "1700000300.1"), ("Position", "1"))));
        await Wait.Until(async () => (await queues.Ask<QueueSnapshot>(new GetQueueState("sales"), Timeout)).Waiting.Count == 0, Timeout, "the last caller gone");
        string[] kinds = ["AgentLoggedIn", "AgentLoggedOut", "AgentPaused", "AgentUnpaused", "AgentQueueJoined", "AgentQueueLeft",
            "AgentStatusEntered", "AgentQueueCallOffered", "AgentQueueCallAnswered", "AgentQueueCallEnded", "AgentOutboundCallPlaced",
            "QueueCallEntered", "QueueCallAnswered", "QueueCallAbandoned", "QueueCallLeft"];
        await Wait.Until(() => Task.FromResult(kinds.All(Rows(eventsFile).Where(r => r.Table == "journal")
                .Select(r => node.System.Serialization.Deserialize(r.Payload, r.SerializerId, r.Manifest).GetType().Name).ToHashSet().Contains)),
            Timeout, "every kind of fact in the journal");
        await Wait.Until(() => Task.FromResult(Rows(eventsFile).Any(r => r is { Table: "snapshot", PersistenceId: "queue-stats-sales" })), Timeout,
            "the queue statistics snapshot written");
    }

    /// <summary>Runs the day on a fresh node and returns its events database, checkpointed into one file.</summary>
    public static async Task<string> WriteAsync(TempDirectory dir)
    {
        var store = dir.File("xuc.db");
        var events = EventsFileOf(store);
        await using (var node = await ActorHost.StartAsync("sqlite", $"Data Source={store}"))
            await RunAsync(node, events);
        SqliteConnection.ClearAllPools();
        using var c = new SqliteConnection($"Data Source={events};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM;";
        cmd.ExecuteNonQuery();
        return events;
    }

    private static void Ok(AgentCommandResult r) => Assert.True(r.Ok, r.Error);

    /// <summary>The rows of an events database in write order, journal then snapshots.</summary>
    public static List<Row> Rows(string eventsFile)
    {
        var rows = new List<Row>();
        using var c = new SqliteConnection($"Data Source={eventsFile};Mode=ReadOnly;Pooling=False");
        c.Open();
        Read(c, "journal", "SELECT persistence_id, sequence_number, identifier, manifest, message FROM journal ORDER BY ordering", rows);
        Read(c, "snapshot", "SELECT persistence_id, sequence_number, serializer_id, manifest, snapshot FROM snapshot ORDER BY persistence_id, sequence_number", rows);
        return rows;
    }

    private static void Read(SqliteConnection c, string table, string sql, List<Row> rows)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read())
            rows.Add(new Row(table, r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? 0 : r.GetInt32(2), r.IsDBNull(3) ? "" : r.GetString(3), (byte[])r[4]));
    }

    /// <summary>The journal's own file beside a store file (<see cref="PersistenceHocon.EventsDatabase"/>).</summary>
    public static string EventsFileOf(string storeFile) => new SqliteConnectionStringBuilder(PersistenceHocon.EventsDatabase($"Data Source={storeFile}")).DataSource;
}

/// <summary>What a fixture's rows hold, decoded: one line per row, the value as System.Text.Json writes it.</summary>
public static class JournalFixtureDecoding
{
    public static List<string> Decode(Akka.Actor.ActorSystem system, IEnumerable<JournalFixtureDay.Row> rows)
        => rows.Select(r =>
        {
            var value = system.Serialization.Deserialize(r.Payload, r.SerializerId, r.Manifest);
            return $"{r.Table} {r.PersistenceId} {r.SequenceNr} {value.GetType().Name} {System.Text.Json.JsonSerializer.Serialize(value, value.GetType())}";
        }).ToList();
}
