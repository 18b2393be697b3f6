using Akka.Actor;
using Akka.Hosting;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Routing;
using Xuc.Tests.Support;

namespace Xuc.Tests.Actors;

/// <summary>The same journal on PostgreSQL: agent state survives an ActorSystem restart.</summary>
public sealed class PostgresPersistenceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [PostgresFact]
    public async Task Agent_state_survives_a_restart_on_postgres()
    {
        await using var db = await PgDatabase.CreateAsync();
        await using (var first = await ActorHost.StartAsync("postgres", db.ConnectionString))
        {
            var agents = await first.Registry.GetAsync<AgentRegion>();
            Assert.True((await agents.Ask<AgentCommandResult>(new LoginAgent("3", "1003", "PJSIP/1003"), Timeout)).Ok);
            Assert.True((await agents.Ask<AgentCommandResult>(new PauseAgent("3", "training"), Timeout)).Ok);
        }
        await using var second = await ActorHost.StartAsync("postgres", db.ConnectionString);
        var state = await (await second.Registry.GetAsync<AgentRegion>()).Ask<AgentState>(new GetAgentState("3"), Timeout);
        Assert.Equal(("1003", AgentStatus.Paused, "training"), (state.PhoneNumber, state.Status, state.PauseReason));
    }
}
