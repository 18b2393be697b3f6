using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;

namespace Xuc.Actors.Ami;

/// <summary>
/// Derives the entity keys of each AMI event (channel/device → line, queue name → queue,
/// member interface → the agent logged on it) and sends it through the shard regions.
/// </summary>
public sealed class AmiRouterActor : ReceiveActor
{
    private readonly IActorRef _lines;
    private readonly IActorRef _agents;
    private readonly IActorRef _queues;
    private readonly Dictionary<string, string> _agentByInterface = new(StringComparer.OrdinalIgnoreCase);

    public AmiRouterActor(IActorRef lines, IActorRef agents, IActorRef queues)
    {
        _lines = lines;
        _agents = agents;
        _queues = queues;
        Receive<AmiEventData>(Route);
        Receive<AgentLoggedIn>(e => _agentByInterface[e.Interface] = e.AgentId);
        Receive<AgentLoggedOut>(e =>
        {
            foreach (var kv in _agentByInterface.Where(kv => kv.Value == e.AgentId).ToList())
                _agentByInterface.Remove(kv.Key);
        });
        Receive<SubscribeAck>(_ => { });
    }

    protected override void PreStart()
        => DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(Topics.AgentLogins, Self));

    private void Route(AmiEventData e)
    {
        var line = DeviceName.FromChannel(e["Channel"]) ?? DeviceOf(e);
        if (line is not null) _lines.Tell(new LineAmiEvent(line, e));
        var destLine = DeviceName.FromChannel(e["DestChannel"]);
        if (destLine is not null && destLine != line) _lines.Tell(new LineAmiEvent(destLine, e));

        if (e["Queue"] is { Length: > 0 } queue) _queues.Tell(new QueueAmiEvent(queue, e));

        var memberInterface = e["Interface"] ?? e["MemberInterface"];
        if (memberInterface is not null && _agentByInterface.TryGetValue(memberInterface, out var agentId))
            _agents.Tell(new AgentAmiEvent(agentId, e));
    }

    private static string? DeviceOf(AmiEventData e)
        => e.Name is "DeviceStateChange" && e["Device"] is { } device && device.Contains('/') ? device : null;

    public static Props PropsFor(IActorRef lines, IActorRef agents, IActorRef queues)
        => Props.Create(() => new AmiRouterActor(lines, agents, queues));
}
