using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Xuc.Actors.Messages.Queries;

namespace Xuc.Tests.Support;

public static class AmiRouting
{
    /// <summary>
    /// Until the AMI router routes <paramref name="iface"/>'s events to <paramref name="agentId"/>: it learns a login
    /// through the agent-logins topic and the replicated interface registry, which can come after the PBX's next event
    /// on a loaded machine.
    /// </summary>
    public static Task UntilRoutedAsync(this TestServer server, string iface, string agentId, TimeSpan within)
    {
        var router = server.App.Web.Services.GetRequiredService<ActorSystem>().ActorSelection("/user/ami-connection/ami-connection/router");
        return Wait.Until(async () => (await router.Ask<AgentOfInterface>(new GetAgentOfInterface(iface), TimeSpan.FromSeconds(5))).AgentId == agentId,
            within, $"the router routes {iface} to agent {agentId}");
    }
}
