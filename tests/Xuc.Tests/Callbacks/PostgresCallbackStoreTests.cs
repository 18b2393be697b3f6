using Xuc.Actors.Configuration;
using Xuc.Tests.Support;

namespace Xuc.Tests.Callbacks;

public sealed class PostgresCallbackStoreTests : CallbackStoreContract, IAsyncLifetime
{
    private readonly List<PgDatabase> _databases = [];

    protected override async Task<ConfigStoreOptions> NewDatabase()
    {
        var db = await PgDatabase.CreateAsync();
        _databases.Add(db);
        return new ConfigStoreOptions { Provider = "postgres", ConnectionString = db.ConnectionString };
    }

    [PostgresFact] public Task One_of_many_concurrent_takes_wins() => Of_many_agents_taking_one_request_at_once_exactly_one_gets_it();
    [PostgresFact] public Task Take_release_start_close() => Take_release_start_and_close_follow_the_holder();
    [PostgresFact] public Task Departed_agent_release() => A_departed_agents_requests_are_released_and_only_his();
    [PostgresFact] public Task Overdue() => Overdue_requests_are_those_whose_period_started_and_nobody_took();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
