using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;

namespace Xuc.Tests.Configuration;

/// <summary>Which entity hears about which change, and how each node's copy follows.</summary>
public sealed class EntityConfigDirectoryTests
{
    private static readonly ConfigSnapshot Demo = DemoDataset.Create();

    [Fact]
    public void Entities_find_their_object_by_the_key_they_are_sharded_by()
    {
        var d = EntityConfigDirectory.From(Demo);
        Assert.Equal("1001", d.Line("PJSIP/1001")?.Number);
        Assert.Equal("Sales", d.Queue("sales")?.DisplayName);
        Assert.Equal("2001", d.Agent("1")?.Number);
        Assert.Null(d.Line("PJSIP/9999"));
        Assert.Null(d.Queue("1"));
    }

    [Fact]
    public void Lines_are_found_by_number_and_queues_by_id_through_every_kind_of_change()
    {
        var d = EntityConfigDirectory.From(Demo);
        Assert.Equal("PJSIP/1001", d.LineByNumber("1001")?.Interface);
        Assert.Equal("sales", d.QueueById(1)?.Name);
        Assert.Null(d.LineByNumber("9999"));
        Assert.Null(d.QueueById(99));

        // A renumbered line answers to its new number only; a deleted one to none; a renamed queue keeps its id.
        var line = Demo.Lines[0];
        d.Apply(new ConfigChange("line", "1", ChangeOp.Updated, line with { Number = "1099" }, line));
        d.Apply(new ConfigChange("line", "12", ChangeOp.Deleted, null, Demo.Lines[11]));
        d.Apply(new ConfigChange("queue", "1", ChangeOp.Updated, Demo.Queues[0] with { Name = "sales-fr" }, Demo.Queues[0]));
        Assert.Null(d.LineByNumber("1001"));
        Assert.Equal("PJSIP/1001", d.LineByNumber("1099")?.Interface);
        Assert.Null(d.LineByNumber("1012"));
        Assert.Equal("sales-fr", d.QueueById(1)?.Name);
        var created = new Line { Id = 99, Number = "1098", Interface = "PJSIP/1098", Context = "default" };
        d.Apply(new ConfigChange("line", "99", ChangeOp.Created, created));
        Assert.Equal(created, d.LineByNumber("1098"));

        // A reload (an import) starts again from the snapshot.
        d.Apply(new ConfigChange("*", "*", ChangeOp.Reloaded, Demo, null));
        Assert.Equal("PJSIP/1001", d.LineByNumber("1001")?.Interface);
        Assert.Null(d.LineByNumber("1099"));
        Assert.Null(d.LineByNumber("1098"));
        Assert.Equal("sales", d.QueueById(1)?.Name);
    }

    [Fact]
    public void A_renamed_queue_is_announced_to_both_entities_and_the_old_name_is_forgotten()
    {
        var before = Demo.Queues[0];
        var after = before with { Name = "sales-fr", DisplayName = "Ventes" };
        var change = new ConfigChange("queue", "1", ChangeOp.Updated, after, before);

        Assert.Equal(new object[] { new ConfigureQueue("sales", null), new ConfigureQueue("sales-fr", after) },
            EntityConfigDirectory.MessagesFor(change));
        var d = EntityConfigDirectory.From(Demo);
        d.Apply(change);
        Assert.Null(d.Queue("sales"));
        Assert.Equal("Ventes", d.Queue("sales-fr")?.DisplayName);
    }

    [Fact]
    public void A_deleted_line_is_announced_as_unconfigured_and_other_kinds_concern_no_entity()
    {
        var line = Demo.Lines[11];
        var deleted = new ConfigChange("line", "12", ChangeOp.Deleted, null, line);
        Assert.Equal(new object[] { new ConfigureLine("PJSIP/1012", null) }, EntityConfigDirectory.MessagesFor(deleted));
        var d = EntityConfigDirectory.From(Demo);
        d.Apply(deleted);
        Assert.Null(d.Line("PJSIP/1012"));

        var contact = new ConfigChange("contact", "1", ChangeOp.Created, Demo.Contacts[0]);
        Assert.Empty(EntityConfigDirectory.MessagesFor(contact));
    }

    [Fact]
    public void An_import_is_announced_only_to_the_entities_whose_object_differs()
    {
        var agent = Demo.Agents[2];
        var next = Demo with
        {
            // Same values in new list instances: not a change. A new default queue for one agent: a change.
            Lines = Demo.Lines.Select(l => l with { }).ToList(),
            Agents = Demo.Agents.Select(a => a.Id == agent.Id
                ? a with { DefaultQueues = [.. a.DefaultQueues, new QueueMembership(2, 3)] }
                : a with { DefaultQueues = a.DefaultQueues.ToList() }).ToList(),
            Queues = Demo.Queues.Where(q => q.Name != "billing").ToList(),
        };
        var messages = EntityConfigDirectory.MessagesFor(new ConfigChange("*", "*", ChangeOp.Reloaded, next, Demo));

        Assert.Equal(2, messages.Count);
        Assert.Contains(new ConfigureQueue("billing", null), messages);
        var configured = Assert.Single(messages.OfType<ConfigureAgent>());
        Assert.Equal(("3", 3), (configured.AgentId, configured.Config!.DefaultQueues.Count));
    }

    [Fact]
    public void The_topic_message_carries_lines_queues_and_agents_but_never_users()
    {
        var agent = Demo.Agents[0];
        var changed = agent with { FirstName = "Zoé" };
        var roundTrip = ConfigChanged.From(new ConfigChange("agent", "1", ChangeOp.Updated, changed, agent)).ToChange()!;
        Assert.Equal(changed.FirstName, ((Agent)roundTrip.Value!).FirstName);
        Assert.Equal(agent.DefaultQueues, ((Agent)roundTrip.Previous!).DefaultQueues);

        var user = ConfigChanged.From(new ConfigChange("user", "1", ChangeOp.Updated, Demo.Users[0], Demo.Users[0]));
        Assert.Null(user.Value);
        Assert.Null(user.ToChange());
        Assert.Null(ConfigChanged.From(new ConfigChange("*", "*", ChangeOp.Reloaded, Demo, Demo)).ToChange());
    }
}
