using Xuc.Actors.Configuration;
using Xuc.Tests.Support;

namespace Xuc.Tests.Configuration;

public sealed class PostgresConfigStoreTests : ConfigStoreContract, IAsyncLifetime
{
    private readonly List<PgDatabase> _databases = [];

    protected override async Task<ConfigStore> NewStore()
    {
        var db = await PgDatabase.CreateAsync();
        _databases.Add(db);
        return new ConfigStore(new ConfigStoreOptions { Provider = "postgres", ConnectionString = db.ConnectionString });
    }

    [PostgresFact] public Task Round_trips_the_demo_dataset() => Round_trip_of_the_demo_dataset();
    [PostgresFact] public Task Refuses_a_bad_import_without_changing_anything() => A_bad_import_changes_nothing();
    [PostgresFact] public Task Counts_what_an_import_changed() => An_import_says_what_it_added_updated_and_deleted();
    [PostgresFact] public Task Reads_each_object_by_its_own_key() => Each_keyed_read_answers_its_own_key();
    [PostgresFact] public Task Never_leaves_the_configuration_without_an_administrator() => No_write_may_leave_the_configuration_without_an_administrator();
    [PostgresFact] public Task Validates_announces_and_keeps_single_changes() => Single_changes_are_validated_announced_and_kept();
    [PostgresFact] public Task Concurrent_writers_never_break_the_rules() => Two_nodes_writing_at_once_never_commit_a_broken_configuration();
    [PostgresFact] public Task Another_nodes_write_is_seen() => A_write_from_another_node_is_seen_by_this_nodes_next_write();
    [PostgresFact] public Task Stores_phone_services_and_mailboxes() => Phone_services_and_mailboxes_are_stored_kept_by_writes_that_leave_them_out_and_checked();
    [PostgresFact] public Task Checks_status_actions() => Status_actions_are_checked_against_their_vocabulary();
    [PostgresFact] public Task Stores_default_memberships_and_cti_agent_changes() => Default_memberships_and_agents_changed_by_the_cti_are_stored_checked_and_announced();
    [PostgresFact] public Task Adds_the_service_columns_to_a_schema_3_database() => A_database_of_schema_3_gains_the_service_columns_and_keeps_its_users();

    [PostgresFact]
    public async Task Nodes_starting_together_migrate_one_after_the_other()
    {
        var db = await PgDatabase.CreateAsync();
        _databases.Add(db);
        var stores = Enumerable.Range(0, 4).Select(_ => new ConfigStore(new ConfigStoreOptions { Provider = "postgres", ConnectionString = db.ConnectionString })).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(s.MigrateAsync)));
            Assert.Equal(9, await stores[0].SchemaVersionAsync());
            Assert.Equal(0, await stores[0].RevisionAsync());
        }
        finally
        {
            foreach (var s in stores) s.Dispose();
        }
    }

    protected override async Task<ConfigStoreOptions> NewDatabase()
    {
        var db = await PgDatabase.CreateAsync();
        _databases.Add(db);
        return new ConfigStoreOptions { Provider = "postgres", ConnectionString = db.ConnectionString };
    }

    protected override async Task<(ConfigStore, ConfigStore)> TwoStoresOnOneDatabase()
    {
        var db = await PgDatabase.CreateAsync();
        _databases.Add(db);
        var options = new ConfigStoreOptions { Provider = "postgres", ConnectionString = db.ConnectionString };
        return (new ConfigStore(options), new ConfigStore(options));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
