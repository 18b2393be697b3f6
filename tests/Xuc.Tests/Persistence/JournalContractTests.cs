using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Akka.Serialization;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Persistence;
using Xuc.Actors.Routing;
using Xuc.Tests.Support;

namespace Xuc.Tests.Persistence;

/// <summary>
/// The journal contract (docs/architecture.md, "Journal contract"): every persisted type has a stable name; a journal
/// written before the contract (Akka's default JSON serializer, commit 93a8840) and one written under it (v1) recover;
/// the day written today has the v1 fixture's names and shapes, so a change of shape cannot land without a new name.
/// </summary>
public sealed class JournalContractTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Journal", name);

    [Fact]
    public void Every_persisted_type_has_one_name_and_every_name_a_persisted_type()
    {
        var persisted = typeof(IPersisted).Assembly.GetTypes().Where(t => typeof(IPersisted).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName).ToList();
        Assert.Equal(persisted, JournalContract.Current.Values.OrderBy(t => t.FullName));
        Assert.Equal(JournalContract.Current.Count, JournalContract.Current.Values.Distinct().Count());
    }

    [Theory]
    [InlineData("default-serializer-events.db", 1)]
    [InlineData("v1-events.db", JournalSerializer.Id)]
    public async Task A_fixture_journal_reads_back_as_written_and_every_value_survives_the_serializer(string fixture, int serializerId)
    {
        await using var node = await ActorHost.StartAsync("sqlite", "Data Source=:memory:");
        var rows = JournalFixtureDay.Rows(Fixture(fixture));
        Assert.All(rows, r => Assert.Equal(serializerId, r.SerializerId));
        var decoded = JournalFixtureDecoding.Decode(node.System, rows);
        Assert.Equal(File.ReadAllLines(Path.ChangeExtension(Fixture(fixture), ".expected.txt")), decoded);

        var serializer = (SerializerWithStringManifest)node.System.Serialization.FindSerializerForType(typeof(AgentState));
        Assert.Equal(JournalSerializer.Id, serializer.Identifier);
        foreach (var row in rows)
        {
            var value = node.System.Serialization.Deserialize(row.Payload, row.SerializerId, row.Manifest);
            var again = serializer.FromBinary(serializer.ToBinary(value), serializer.Manifest(value));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(value, value.GetType()), System.Text.Json.JsonSerializer.Serialize(again, again.GetType()));
        }
    }

    [Fact]
    public async Task An_agent_recovers_from_a_journal_written_before_the_contract_and_goes_on_writing_under_it()
    {
        using var dir = new TempDirectory();
        var store = dir.File("xuc.db");
        var events = JournalFixtureDay.EventsFileOf(store);
        File.Copy(Fixture("default-serializer-events.db"), events, overwrite: true);

        string before;
        await using (var node = await ActorHost.StartAsync("sqlite", $"Data Source={store}"))
        {
            var agents = await node.Registry.GetAsync<AgentRegion>();
            var state = await agents.Ask<AgentState>(new GetAgentState("1"), Timeout);
            Assert.True(state.LoggedIn);
            Assert.Equal(("1001", "PJSIP/1001", true, "training"), (state.PhoneNumber, state.Interface, state.Paused, state.PauseReason));
            Assert.Equal([new AgentMembership("sales", 0, "PJSIP/1001")], state.Memberships);
            Assert.True((await agents.Ask<AgentCommandResult>(new UnpauseAgent("1"), Timeout)).Ok);
            Assert.True((await agents.Ask<AgentCommandResult>(new PauseAgent("1", "coffee"), Timeout)).Ok);
            before = System.Text.Json.JsonSerializer.Serialize(await agents.Ask<AgentState>(new GetAgentState("1"), Timeout));
        }
        SqliteConnection.ClearAllPools();
        var written = JournalFixtureDay.Rows(events).Where(r => r is { Table: "journal", PersistenceId: "agent-1" }).TakeLast(2).ToList();
        Assert.Equal([("agent-unpaused.v1", JournalSerializer.Id), ("agent-paused.v1", JournalSerializer.Id)], written.Select(r => (r.Manifest, r.SerializerId)));

        await using (var node = await ActorHost.StartAsync("sqlite", $"Data Source={store}"))
        {
            var agents = await node.Registry.GetAsync<AgentRegion>();
            Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await agents.Ask<AgentState>(new GetAgentState("1"), Timeout)));
        }
    }

    [Fact]
    public async Task The_day_written_today_has_the_names_and_shapes_of_the_v1_fixture()
    {
        using var dir = new TempDirectory();
        var events = await JournalFixtureDay.WriteAsync(dir);
        // By hand, once per new contract version: XUC_WRITE_JOURNAL_FIXTURE=<path of the new fixture .db> (see Fixtures/Journal/README.md).
        if (Environment.GetEnvironmentVariable("XUC_WRITE_JOURNAL_FIXTURE") is { Length: > 0 } target)
        {
            File.Copy(events, target, overwrite: true);
            await using var decoder = await ActorHost.StartAsync("sqlite", "Data Source=:memory:");
            File.WriteAllLines(Path.ChangeExtension(target, ".expected.txt"), JournalFixtureDecoding.Decode(decoder.System, JournalFixtureDay.Rows(target)));
        }
        Assert.Equal(Shapes(JournalFixtureDay.Rows(Fixture("v1-events.db"))), Shapes(JournalFixtureDay.Rows(events)));
    }

    [Fact]
    public async Task A_row_under_a_name_the_contract_does_not_have_is_refused_with_the_name()
    {
        await using var node = await ActorHost.StartAsync("sqlite", "Data Source=:memory:");
        var e = Assert.Throws<SerializationException>(() => node.System.Serialization.Deserialize(Encoding.UTF8.GetBytes("{}"), JournalSerializer.Id, "agent-teleported.v1"));
        Assert.Contains("'agent-teleported.v1'", e.Message);
    }

    /// <summary>Per table and name: the serializer and every property path of the JSON (array items as []).</summary>
    private static SortedSet<string> Shapes(IEnumerable<JournalFixtureDay.Row> rows)
    {
        var shapes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
            foreach (var path in Paths(JToken.Parse(Encoding.UTF8.GetString(r.Payload)), ""))
                shapes.Add($"{r.Table} {r.SerializerId} {r.Manifest} {path}");
        return shapes;
    }

    private static IEnumerable<string> Paths(JToken token, string prefix) => token switch
    {
        JObject o => o.Properties().SelectMany(p => Paths(p.Value, prefix + "." + p.Name)).DefaultIfEmpty(prefix),
        JArray a => a.SelectMany(i => Paths(i, prefix + "[]")).DefaultIfEmpty(prefix + "[]"),
        _ => [prefix],
    };
}
