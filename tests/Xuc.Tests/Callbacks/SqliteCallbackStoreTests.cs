using Xuc.Actors.Configuration;
using Xuc.Tests.Support;

namespace Xuc.Tests.Callbacks;

public sealed class SqliteCallbackStoreTests : CallbackStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();
    private int _n;

    protected override Task<ConfigStoreOptions> NewDatabase() =>
        Task.FromResult(new ConfigStoreOptions { ConnectionString = $"Data Source={_dir.File($"cb{++_n}.db")}" });

    [Fact] public Task One_of_many_concurrent_takes_wins() => Of_many_agents_taking_one_request_at_once_exactly_one_gets_it();
    [Fact] public Task Take_release_start_close() => Take_release_start_and_close_follow_the_holder();
    [Fact] public Task Departed_agent_release() => A_departed_agents_requests_are_released_and_only_his();
    [Fact] public Task Overdue() => Overdue_requests_are_those_whose_period_started_and_nobody_took();

    public void Dispose() => _dir.Dispose();
}
