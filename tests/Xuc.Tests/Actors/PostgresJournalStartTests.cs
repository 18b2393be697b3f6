using Akka.Actor;
using Akka.Hosting;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Routing;
using Xuc.Tests.Support;

namespace Xuc.Tests.Actors;

/// <summary>
/// Two nodes starting at the same moment on an empty PostgreSQL database both create the journal tables
/// (Akka.Persistence.Sql's auto-initialize); one of them collides on PostgreSQL's catalogue and logs
/// "Failed to initialize SQL Journal". The journal recovers: both nodes persist their agents' logins.
/// </summary>
public sealed class PostgresJournalStartTests
{
    [PostgresFact]
    public async Task Two_nodes_starting_together_on_an_empty_database_both_persist()
    {
        for (var round = 0; round < 2; round++)
        {
            await using var db = await PgDatabase.CreateAsync();
            var hosts = await Task.WhenAll(ActorHost.StartAsync("postgres", db.ConnectionString), ActorHost.StartAsync("postgres", db.ConnectionString));
            try
            {
                var results = await Task.WhenAll(hosts.Select(async (h, i) =>
                    await (await h.Registry.GetAsync<AgentRegion>()).Ask<AgentCommandResult>(new LoginAgent($"{i + 1}", $"100{i + 1}", $"PJSIP/100{i + 1}"), TimeSpan.FromSeconds(20))));
                Assert.All(results, r => Assert.True(r.Ok));
            }
            finally
            {
                foreach (var h in hosts) await h.DisposeAsync();
            }
        }
    }
}
