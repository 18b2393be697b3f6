using Akka.Actor;
using Akka.Hosting;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Rights;

namespace Xuc.Actors.Sessions.Agents;

/// <summary><c>subscribeToAgentEvents</c>, <c>getAgentStates</c>, <c>getAgentDirectory</c>, handed to the node's <see cref="AgentFeedsActor"/>.</summary>
public static class AgentFeedCommands
{
    public const string SubscribeToAgentEvents = "subscribeToAgentEvents";
    public const string GetAgentStates = "getAgentStates";
    public const string GetAgentDirectory = "getAgentDirectory";

    public static bool Handles(string command) => command is SubscribeToAgentEvents or GetAgentStates or GetAgentDirectory;

    public static IEnumerable<CommandSpec> Specs(IReadOnlySet<ProfileKind> everyone) =>
        [new(SubscribeToAgentEvents, [], everyone, true), new(GetAgentStates, [], everyone, true), new(GetAgentDirectory, [], everyone, true)];

    public static void Handle(string command, SessionUser user, IActorRef session, IActorContext context, Action<ICtiMessage> push)
    {
        if (!ActorRegistry.For(context.System).TryGet<AgentFeedsActor>(out var feeds))
        {
            push(new CtiError(CtiErrors.NotImplemented, $"{command}: no agent feed on this node"));
            return;
        }
        var visibility = Visibility.Of(user);
        feeds.Tell(command == SubscribeToAgentEvents ? new SubscribeAgentEvents(session, visibility) : new AskAgentStates(session, visibility, command == GetAgentDirectory));
    }
}
