using Xuc.Actors.Configuration;
using Xuc.Tests.Support;

namespace Xuc.Tests.Configuration;

public sealed class SqliteConfigStoreTests : ConfigStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override Task<ConfigStore> NewStore()
        => Task.FromResult(new ConfigStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={_dir.File(Guid.NewGuid() + ".db")}" }));

    [Fact] public Task Round_trips_the_demo_dataset() => Round_trip_of_the_demo_dataset();
    [Fact] public Task Refuses_a_bad_import_without_changing_anything() => A_bad_import_changes_nothing();
    [Fact] public Task Counts_what_an_import_changed() => An_import_says_what_it_added_updated_and_deleted();
    [Fact] public Task Reads_each_object_by_its_own_key() => Each_keyed_read_answers_its_own_key();
    [Fact] public Task Never_leaves_the_configuration_without_an_administrator() => No_write_may_leave_the_configuration_without_an_administrator();
    [Fact] public Task Validates_announces_and_keeps_single_changes() => Single_changes_are_validated_announced_and_kept();
    [Fact] public Task Concurrent_writers_never_break_the_rules() => Two_nodes_writing_at_once_never_commit_a_broken_configuration();
    [Fact] public Task Another_nodes_write_is_seen() => A_write_from_another_node_is_seen_by_this_nodes_next_write();
    [Fact] public Task Stores_phone_services_and_mailboxes() => Phone_services_and_mailboxes_are_stored_kept_by_writes_that_leave_them_out_and_checked();
    [Fact] public Task Checks_status_actions() => Status_actions_are_checked_against_their_vocabulary();
    [Fact] public Task Stores_default_memberships_and_cti_agent_changes() => Default_memberships_and_agents_changed_by_the_cti_are_stored_checked_and_announced();
    [Fact] public Task Adds_the_service_columns_to_a_schema_3_database() => A_database_of_schema_3_gains_the_service_columns_and_keeps_its_users();

    /// <summary>docs/configuration-store.md: "SQLite runs in WAL mode" (a database property, so a fresh connection sees it).</summary>
    [Fact]
    public async Task The_sqlite_database_runs_in_wal_mode()
    {
        var file = _dir.File(Guid.NewGuid() + ".db");
        using var store = new ConfigStore(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={file}" });
        await store.MigrateAsync();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await pragma.ExecuteScalarAsync());
    }

    protected override Task<ConfigStoreOptions> NewDatabase()
        => Task.FromResult(new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={_dir.File(Guid.NewGuid() + ".db")}" });

    protected override Task<(ConfigStore, ConfigStore)> TwoStoresOnOneDatabase()
    {
        var options = new ConfigStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={_dir.File(Guid.NewGuid() + ".db")}" };
        return Task.FromResult((new ConfigStore(options), new ConfigStore(options)));
    }

    public void Dispose() => _dir.Dispose();
}
