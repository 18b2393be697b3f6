using LinqToDB;
using LinqToDB.Data;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Tests.Configuration;

/// <summary>The same behaviour checked on SQLite and on PostgreSQL.</summary>
public abstract class ConfigStoreContract
{
    protected abstract Task<ConfigStore> NewStore();

    /// <summary>Two stores on one fresh database, as two nodes of a cluster have.</summary>
    protected abstract Task<(ConfigStore, ConfigStore)> TwoStoresOnOneDatabase();

    /// <summary>A fresh database's options, for a test that also reaches the database directly.</summary>
    protected abstract Task<ConfigStoreOptions> NewDatabase();

    protected async Task Round_trip_of_the_demo_dataset()
    {
        using var store = await NewStore();
        await store.MigrateAsync();
        await store.MigrateAsync(); // idempotent
        Assert.Equal(9, await store.SchemaVersionAsync());
        Assert.True(await store.SeedIfEmptyAsync(DemoDataset.Create()));
        Assert.False(await store.SeedIfEmptyAsync(DemoDataset.Create()));

        var loaded = await store.LoadAsync();
        var demo = DemoDataset.Create();
        Assert.Equal(demo.Lines, loaded.Lines);
        Assert.Equal(demo.Queues, loaded.Queues);
        Assert.Equal(demo.AgentGroups, loaded.AgentGroups);
        Assert.Equal(demo.Contacts, loaded.Contacts);
        Assert.Equal(demo.Agents.Select(a => (a.Id, a.GroupId, string.Join(",", a.DefaultQueues))), loaded.Agents.Select(a => (a.Id, a.GroupId, string.Join(",", a.DefaultQueues))));
        Assert.Equal(demo.RightProfiles.Select(p => (p.Id, p.Kind, string.Join(",", p.QueueIds), string.Join(",", p.GroupIds))),
            loaded.RightProfiles.Select(p => (p.Id, p.Kind, string.Join(",", p.QueueIds), string.Join(",", p.GroupIds))));
        Assert.Equal(demo.UserStatuses.Select(s => (s.Name, s.Color, string.Join(",", s.Actions))).OrderBy(x => x.Name),
            loaded.UserStatuses.Select(s => (s.Name, s.Color, string.Join(",", s.Actions))));
        Assert.Empty(loaded.SheetFields);
        var field = new Xuc.Actors.Configuration.Model.SheetField { Name = "crm", Type = "url", Order = 20, Value = "https://crm/?n={otherDN}&t={USR_ticket}" };
        await store.UpsertAsync(ConfigKinds.SheetField, field);
        Assert.Equal([field], (await store.LoadAsync()).SheetFields);
        Assert.Equal(field, await store.GetAsync(ConfigKinds.SheetField, "crm"));

        var jbond = await store.FindUserByLoginAsync("jbond");
        Assert.NotNull(jbond);
        Assert.Null(jbond.Password);
        Assert.True(PasswordHasher.Verify("jbond", jbond.PasswordHash!));
        Assert.Equal(1, jbond.LineId);
    }

    protected async Task A_bad_import_changes_nothing()
    {
        using var store = await NewStore();
        await store.MigrateAsync();
        await store.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var before = ConfigFile.Write(await store.LoadAsync());

        var badReference = DemoDataset.Create() with { Agents = [.. DemoDataset.Create().Agents, new Agent { Id = 99, Number = "2099", GroupId = 42 }] };
        var e = await Assert.ThrowsAsync<ConfigValidationException>(() => store.ImportAsync(badReference, ImportMode.Replace));
        Assert.Contains("agent 99: groupId 42 does not exist", e.Errors);

        var duplicate = DemoDataset.Create() with { Lines = [.. DemoDataset.Create().Lines, new Line { Id = 50, Number = "1001", Interface = "PJSIP/9999" }] };
        e = await Assert.ThrowsAsync<ConfigValidationException>(() => store.ImportAsync(duplicate, ImportMode.Merge));
        Assert.Contains(e.Errors, m => m.StartsWith("line 50: number '1001'"));

        Assert.Equal(before, ConfigFile.Write(await store.LoadAsync()));
    }

    protected async Task An_import_says_what_it_added_updated_and_deleted()
    {
        using var store = await NewStore();
        await store.MigrateAsync();
        var first = await store.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        Assert.Equal(new Dictionary<string, int> { ["user"] = 13, ["line"] = 12, ["agent"] = 10, ["queue"] = 3, ["agentgroup"] = 2, ["rightprofile"] = 3, ["userstatus"] = 6, ["sheetfield"] = 0, ["contact"] = 12 }, first.Added);
        Assert.All(first.Updated.Values.Concat(first.Deleted.Values), n => Assert.Equal(0, n));

        // The stored configuration (hashes, not plain passwords) with two contacts fewer, one queue renamed, one line more.
        var stored = await store.LoadAsync();
        var next = stored with
        {
            Contacts = [.. stored.Contacts.Skip(2)],
            Queues = [.. stored.Queues.Select(q => q.Id == 1 ? q with { DisplayName = "Sales desk" } : q)],
            Lines = [.. stored.Lines, new Line { Id = 90, Number = "1090", Interface = "PJSIP/1090", Context = "default" }],
        };
        var replaced = await store.ImportAsync(next, ImportMode.Replace);
        Assert.Equal((ImportMode.Replace, "added 1 line; updated 1 queue; deleted 2 contacts"), (replaced.Mode, replaced.Summary()));
        Assert.Equal(ConfigFile.Write(next), ConfigFile.Write(await store.LoadAsync()));

        var merged = await store.ImportAsync(new ConfigSnapshot { Contacts = [new DirectoryContact { Id = 500, LastName = "Pierce" }, stored.Contacts[5]] }, ImportMode.Merge);
        Assert.Equal("added 1 contact; updated none; deleted none", merged.Summary());
        Assert.Equal(11, (await store.LoadAsync()).Contacts.Count);

        var twice = await Assert.ThrowsAsync<ConfigValidationException>(() => store.ImportAsync(
            new ConfigSnapshot { Contacts = [new DirectoryContact { Id = 501, LastName = "A" }, new DirectoryContact { Id = 501, LastName = "B" }] }, ImportMode.Merge));
        Assert.Contains("contact 501: listed more than once in the file", twice.Errors);
    }

    /// <summary>One keyed read after another, int and string keys, hit and miss: each answers its own key (the query is reused with each key's value).</summary>
    protected async Task Each_keyed_read_answers_its_own_key()
    {
        using var store = await NewStore();
        await store.MigrateAsync();
        var demo = DemoDataset.Create();
        await store.ImportAsync(demo, ImportMode.Replace);
        foreach (var line in demo.Lines) Assert.Equal(line, await store.GetAsync(ConfigKinds.Line, line.Id.ToString()));
        foreach (var queue in demo.Queues) Assert.Equal(queue, await store.GetAsync(ConfigKinds.Queue, queue.Id.ToString()));
        foreach (var user in demo.Users) Assert.Equal(user.Login, ((User?)await store.GetAsync(ConfigKinds.User, user.Id.ToString()))?.Login);
        Assert.Null(await store.GetAsync(ConfigKinds.Line, "999"));
        Assert.Null(await store.GetAsync(ConfigKinds.Line, "x"));
        Assert.Equal(demo.Lines[^1], await store.GetAsync(ConfigKinds.Line, demo.Lines[^1].Id.ToString()));
    }

    protected async Task No_write_may_leave_the_configuration_without_an_administrator()
    {
        using var store = await NewStore();
        await store.MigrateAsync();
        await store.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var before = ConfigFile.Write(await store.LoadAsync());
        var admin = (User)(await store.GetAsync(ConfigKinds.User, "13"))!;
        Assert.Equal("admin", admin.Login);

        async Task Refused(Func<Task> write) =>
            Assert.Contains(ConfigValidator.NoAdministrator, (await Assert.ThrowsAsync<ConfigValidationException>(write)).Errors);
        await Refused(() => store.DeleteAsync(ConfigKinds.User, "13"));
        await Refused(() => store.UpsertAsync(ConfigKinds.User, admin with { RightProfileId = 3 }));
        await Refused(() => store.UpsertAsync(ConfigKinds.RightProfile, new RightProfile { Id = 1, Name = "Administrator", Kind = ProfileKind.NoRight }));
        await Refused(() => store.ImportAsync(new ConfigSnapshot { Users = [admin with { RightProfileId = null }] }, ImportMode.Merge));
        var demo = DemoDataset.Create();
        await Refused(() => store.ImportAsync(demo with { Users = [.. demo.Users.Where(u => u.Login != "admin")] }, ImportMode.Replace));
        Assert.Equal(before, ConfigFile.Write(await store.LoadAsync()));
    }

    protected async Task Single_changes_are_validated_announced_and_kept()
    {
        using var store = await NewStore();
        await store.MigrateAsync();
        await store.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var changes = new List<ConfigChange>();
        store.Changed += changes.Add;

        Assert.Equal(ChangeOp.Created, await store.UpsertAsync(ConfigKinds.Queue, new Queue { Id = 4, Name = "vip", DisplayName = "VIP", Number = "3003" }));
        Assert.Equal(ChangeOp.Updated, await store.UpsertAsync(ConfigKinds.Queue, new Queue { Id = 4, Name = "vip", DisplayName = "Very important", Number = "3003", WrapUpSeconds = 15 }));
        var refused = await Assert.ThrowsAsync<ConfigValidationException>(() => store.DeleteAsync(ConfigKinds.Queue, "1"));
        Assert.Contains(refused.Errors, m => m.Contains("queueId 1 does not exist"));
        Assert.True(await store.DeleteAsync(ConfigKinds.Queue, "4"));
        Assert.False(await store.DeleteAsync(ConfigKinds.Queue, "4"));

        // An update without a password keeps the stored hash.
        var bob = (User)(await store.GetAsync(ConfigKinds.User, "12"))!;
        await store.UpsertAsync(ConfigKinds.User, bob with { PasswordHash = null, MobileNumber = "0699999999" });
        var again = await store.FindUserByLoginAsync("bob");
        Assert.Equal("0699999999", again!.MobileNumber);
        Assert.True(PasswordHasher.Verify("bob", again.PasswordHash!));

        Assert.Equal([("queue", "4", ChangeOp.Created), ("queue", "4", ChangeOp.Updated), ("queue", "4", ChangeOp.Deleted), ("user", "12", ChangeOp.Updated)],
            changes.Select(c => (c.Kind, c.Id, c.Op)));
        Assert.Equal(3, (await store.LoadAsync()).Queues.Count);
    }

    protected async Task Two_nodes_writing_at_once_never_commit_a_broken_configuration()
    {
        var (a, b) = await TwoStoresOnOneDatabase();
        using (a)
        using (b)
        {
            await a.MigrateAsync();
            await b.MigrateAsync();
            await a.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
            const int rounds = 12;
            for (var round = 0; round < rounds; round++)
            {
                // Node A deletes an empty group while node B adds an agent to it: either order is fine, both is not.
                var groupId = 100 + round;
                await a.UpsertAsync(ConfigKinds.AgentGroup, new AgentGroup { Id = groupId, Name = $"team-{groupId}", DisplayName = $"Team {groupId}" });
                var deleteGroup = Task.Run(() => a.DeleteAsync(ConfigKinds.AgentGroup, groupId.ToString()));
                var addAgent = Task.Run(() => b.UpsertAsync(ConfigKinds.Agent, new Agent { Id = 100 + round, Number = $"29{round:00}", GroupId = groupId }));
                var outcomes = new[] { await Succeeded(deleteGroup), await Succeeded(addAgent) };
                Assert.Equal(1, outcomes.Count(ok => ok));
                ConfigValidator.Validate(await b.LoadAsync());
            }
            // The import, one group per round, one winner per round; refusals roll their revision back.
            Assert.Equal(1 + 2 * rounds, await b.RevisionAsync());
        }
    }

    protected async Task A_write_from_another_node_is_seen_by_this_nodes_next_write()
    {
        var (a, b) = await TwoStoresOnOneDatabase();
        using (a)
        using (b)
        {
            await a.MigrateAsync();
            await a.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
            await a.UpsertAsync(ConfigKinds.AgentGroup, new AgentGroup { Id = 50, Name = "night-team", DisplayName = "Night team" });
            // Node A made the last revision; node B now adds an agent to the group behind its back.
            await b.UpsertAsync(ConfigKinds.Agent, new Agent { Id = 60, Number = "2060", GroupId = 50 });
            var refused = await Assert.ThrowsAsync<ConfigValidationException>(() => a.DeleteAsync(ConfigKinds.AgentGroup, "50"));
            Assert.Contains("agent 60: groupId 50 does not exist", refused.Errors);
            // And node A's own consecutive writes build on each other.
            await a.UpsertAsync(ConfigKinds.AgentGroup, new AgentGroup { Id = 51, Name = "day-team", DisplayName = "Day team" });
            await a.UpsertAsync(ConfigKinds.Agent, new Agent { Id = 61, Number = "2061", GroupId = 51 });
            await Assert.ThrowsAsync<ConfigValidationException>(() => a.DeleteAsync(ConfigKinds.AgentGroup, "51"));
            Assert.Equal(2, (await b.LoadAsync()).Agents.Count(x => x.Id is 60 or 61));
        }
    }

    private static async Task<bool> Succeeded(Task write)
    {
        try
        {
            await write;
            return true;
        }
        catch (ConfigValidationException)
        {
            return false;
        }
    }

    protected async Task Phone_services_and_mailboxes_are_stored_kept_by_writes_that_leave_them_out_and_checked()
    {
        using var store = await NewStore();
        await store.MigrateAsync();
        await store.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var changes = new List<ConfigChange>();
        store.Changed += changes.Add;
        Assert.Equal(PhoneServices.Off, (await store.FindUserByLoginAsync("jbond"))!.Services);

        // The CTI's write: applied to the user as stored, announced with its origin.
        var expected = new PhoneServices { DndEnabled = true, UncFwdEnabled = true, UncFwdDestination = "0612345678", BusyFwdDestination = "*98" };
        var written = await store.SetPhoneServicesAsync(1, s => s with { DndEnabled = true, UncFwdEnabled = true, UncFwdDestination = "0612345678", BusyFwdDestination = "*98" });
        Assert.Equal(expected, written!.Services);
        Assert.Equal(("user", "1", ChangeOp.Updated, ConfigChange.CtiOrigin), (changes[0].Kind, changes[0].Id, changes[0].Op, changes[0].Origin));
        Assert.Equal(PhoneServices.Off, ((User)changes[0].Previous!).Services);
        Assert.Null(await store.SetPhoneServicesAsync(999, s => s with { DndEnabled = true }));

        // Read back by another store (no cache), a list, an export.
        Assert.Equal(expected, (await store.FindUserByLoginAsync("jbond"))!.Services);
        Assert.Equal(expected, ((User)(await store.GetAsync(ConfigKinds.User, "1"))!).Services);
        Assert.Equal(expected, (await store.LoadAsync()).Users.Single(u => u.Id == 1).Services);

        // An admin write or an import that leaves them out keeps them; one that gives them replaces them.
        var jbond = (User)(await store.GetAsync(ConfigKinds.User, "1"))!;
        await store.UpsertAsync(ConfigKinds.User, jbond with { Services = null, MobileNumber = "0600000001", PasswordHash = null });
        Assert.Equal((expected, "0600000001"), ((await store.FindUserByLoginAsync("jbond"))!.Services, (await store.FindUserByLoginAsync("jbond"))!.MobileNumber));
        var untouched = await store.ImportAsync(DemoDataset.Create() with { Users = [.. DemoDataset.Create().Users.Select(u => u.Id == 1 ? u with { MobileNumber = "0600000001" } : u)] }, ImportMode.Merge);
        Assert.Equal(expected, (await store.FindUserByLoginAsync("jbond"))!.Services);
        Assert.Equal(13, untouched.Updated["user"]); // plain passwords: a new salt each
        await store.UpsertAsync(ConfigKinds.User, jbond with { Services = PhoneServices.Off, VoiceMailBox = "8001@sales" });
        var reset = (await store.FindUserByLoginAsync("jbond"))!;
        Assert.Equal((PhoneServices.Off, "8001@sales"), (reset.Services, reset.VoiceMailBox));

        // Destinations and mailboxes are checked; a refused write changes nothing.
        var before = ConfigFile.Write(await store.LoadAsync());
        async Task<string> Refused(User u) => Assert.Single((await Assert.ThrowsAsync<ConfigValidationException>(() => store.UpsertAsync(ConfigKinds.User, u))).Errors);
        Assert.Equal("user 1: services uncFwdDestination: a destination is required to enable a forward",
            await Refused(jbond with { Services = new PhoneServices { UncFwdEnabled = true } }));
        Assert.Equal("user 1: services naFwdDestination: 'abc' is not a dialable number (digits, *, #, +)",
            await Refused(jbond with { Services = new PhoneServices { NaFwdDestination = "abc" } }));
        Assert.Equal($"user 1: services busyFwdDestination: '{new string('1', 33)}' is longer than 32 characters",
            await Refused(jbond with { Services = new PhoneServices { BusyFwdEnabled = true, BusyFwdDestination = new string('1', 33) } }));
        Assert.Equal("user 1: voiceMailBox '80 01' is not a mailbox such as 1001 or 1001@default", await Refused(jbond with { VoiceMailBox = "80 01" }));
        await Assert.ThrowsAsync<ConfigValidationException>(() => store.SetPhoneServicesAsync(1, s => s with { NaFwdEnabled = true, NaFwdDestination = "" }));
        Assert.Equal(before, ConfigFile.Write(await store.LoadAsync()));
    }

    protected async Task Status_actions_are_checked_against_their_vocabulary()
    {
        using var store = await NewStore();
        await store.MigrateAsync();
        await store.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var lunch = new UserStatus { Name = "lunch", Color = "#123456", LongName = "Lunch", Actions = [StatusActions.PauseAgent, StatusActions.EnableDnd] };
        await store.UpsertAsync(ConfigKinds.UserStatus, lunch);
        Assert.Equal(lunch.Actions, ((UserStatus)(await store.GetAsync(ConfigKinds.UserStatus, "lunch"))!).Actions);

        var e = await Assert.ThrowsAsync<ConfigValidationException>(() => store.UpsertAsync(ConfigKinds.UserStatus,
            lunch with { Actions = ["reboot", StatusActions.EnableDnd, StatusActions.DisableDnd, StatusActions.PauseAgent, StatusActions.PauseAgent] }));
        Assert.Equal([
            "userstatus lunch: action 'reboot' is not one of enableDND, disableDND, pauseAgent, unpauseAgent",
            "userstatus lunch: action 'pauseAgent' is listed more than once",
            "userstatus lunch: actions enableDND and disableDND contradict each other",
        ], e.Errors);
        Assert.Equal(lunch.Actions, ((UserStatus)(await store.GetAsync(ConfigKinds.UserStatus, "lunch"))!).Actions);
    }

    protected async Task Default_memberships_and_agents_changed_by_the_cti_are_stored_checked_and_announced()
    {
        var options = await NewDatabase();
        using var store = new ConfigStore(options);
        await store.MigrateAsync();
        await store.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        var changes = new List<ConfigChange>();
        store.Changed += changes.Add;

        // Default memberships: per user, replaced whole, read back by queue id; none is an empty list.
        await store.SetDefaultMembershipAsync([4, 5], [new QueueMembership(3, 2), new QueueMembership(1, 0)]);
        await store.SetDefaultMembershipAsync([5], [new QueueMembership(2, 9)]);
        var read = await store.DefaultMembershipsAsync([4, 5, 12]);
        Assert.Equal([new QueueMembership(1, 0), new QueueMembership(3, 2)], read[4]);
        Assert.Equal([new QueueMembership(2, 9)], read[5]);
        Assert.Empty(read[12]);
        using (var other = new ConfigStore(options))
            Assert.Equal([new QueueMembership(2, 9)], (await other.DefaultMembershipsAsync([5]))[5]);
        Assert.Empty(changes); // not a configuration object: nothing announced

        // Refused whole: every problem named, nothing written.
        var refused = await Assert.ThrowsAsync<ConfigValidationException>(() => store.SetDefaultMembershipAsync([4, 99],
            [new QueueMembership(1, 100), new QueueMembership(42, 0), new QueueMembership(1, 1)]));
        Assert.Equal(["user 99 does not exist", "queue 42 does not exist", "penalty 100 of queue 1 is outside 0..99", "queue 1 is listed more than once"], refused.Errors);
        Assert.Equal([new QueueMembership(1, 0), new QueueMembership(3, 2)], (await store.DefaultMembershipsAsync([4]))[4]);

        // An agent changed by the CTI: validated, written, announced with its origin; no change writes nothing.
        var agent = await store.ChangeAgentAsync(1, a => a with { DefaultQueues = [new QueueMembership(2, 7)], GroupId = 2 });
        static string Of(Agent? a) => a is null ? "none" : $"{a.GroupId}: {string.Join(",", a.DefaultQueues)}";
        Assert.Equal("2: QueueMembership { QueueId = 2, Penalty = 7 }", Of(agent));
        var stored = (Agent)(await store.GetAsync(ConfigKinds.Agent, "1"))!;
        Assert.Equal(Of(agent), Of(stored));
        Assert.Equal(("agent", "1", ChangeOp.Updated, ConfigChange.CtiOrigin), (changes[0].Kind, changes[0].Id, changes[0].Op, changes[0].Origin));
        var revision = await store.RevisionAsync();
        Assert.Equal(Of(agent), Of(await store.ChangeAgentAsync(1, a => a with { DefaultQueues = [new QueueMembership(2, 7)] })));
        Assert.Equal((revision, 1), (await store.RevisionAsync(), changes.Count));
        Assert.Null(await store.ChangeAgentAsync(99, a => a));
        await Assert.ThrowsAsync<ConfigValidationException>(() => store.ChangeAgentAsync(1, a => a with { DefaultQueues = [new QueueMembership(42, 0)] }));
        Assert.Equal(Of(stored), Of((Agent?)await store.GetAsync(ConfigKinds.Agent, "1")));
    }

    /// <summary>A database made before schema step 7 (users without the service columns) gets them, its users' rows kept.</summary>
    protected async Task A_database_of_schema_3_gains_the_service_columns_and_keeps_its_users()
    {
        var options = await NewDatabase();
        using (var first = new ConfigStore(options))
        {
            await first.MigrateAsync();
            await first.ImportAsync(DemoDataset.Create(), ImportMode.Replace);
        }
        await using (var db = Open(options))
        {
            foreach (var column in (string[])["dnd_enabled", "na_fwd_enabled", "na_fwd_destination", "unc_fwd_enabled", "unc_fwd_destination",
                         "busy_fwd_enabled", "busy_fwd_destination", "voice_mail_box", "token_version"])
                await db.ExecuteAsync($"ALTER TABLE xuc_users DROP COLUMN {column}");
            await db.ExecuteAsync("DELETE FROM xuc_schema_version WHERE version >= 7");
        }
        using var store = new ConfigStore(options);
        Assert.Equal(6, await store.SchemaVersionAsync());
        await store.MigrateAsync();
        Assert.Equal(9, await store.SchemaVersionAsync());
        var users = (await store.LoadAsync()).Users;
        Assert.Equal(13, users.Count);
        Assert.All(users, u => Assert.Equal((PhoneServices.Off, (string?)null), (u.Services, u.VoiceMailBox)));
        Assert.True(PasswordHasher.Verify("jbond", users.Single(u => u.Login == "jbond").PasswordHash!));
        await store.SetPhoneServicesAsync(1, s => s with { DndEnabled = true });
        Assert.True((await store.FindUserByLoginAsync("jbond"))!.Services!.DndEnabled);
    }

    private static DataConnection Open(ConfigStoreOptions o) => new(o.IsPostgres
        ? new DataOptions().UsePostgreSQL(o.ConnectionString)
        : new DataOptions().UseSQLite(o.ConnectionString, LinqToDB.DataProvider.SQLite.SQLiteProvider.Microsoft));
}
