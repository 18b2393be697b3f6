using Xuc.Actors.Messages.Queries;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.DistributedData;
using Subscribe = Akka.Cluster.Tools.PublishSubscribe.Subscribe;
using SubscribeAck = Akka.Cluster.Tools.PublishSubscribe.SubscribeAck;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;

namespace Xuc.Actors.Ami;

/// <summary>
/// Derives the entity keys of each AMI event (channel/device → line, queue name → queue,
/// member interface → the agent logged on it) and sends it through the shard regions.
/// It starts by reading the replicated <see cref="AgentInterfaces"/> registry (events wait meanwhile), so a router
/// started on another node after the AMI singleton moved still finds the agents logged in before.
/// </summary>
public sealed class AmiRouterActor : ReceiveActor, IWithUnboundedStash
{
    private readonly IActorRef _lines;
    private readonly IActorRef _agents;
    private readonly IActorRef _queues;
    private readonly Dictionary<string, string> _agentByInterface = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The replicated registry as last seen (<see cref="UseRegistry"/> applies the difference to the next).</summary>
    private Dictionary<string, string> _registry = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _knownLines = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Queue member interface → its state interface (Local/1001@agents/n → PJSIP/1001), from the member events.</summary>
    private readonly Dictionary<string, string> _stateInterfaces = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _knownQueues = new(StringComparer.OrdinalIgnoreCase);
    private readonly CallContexts _calls = new();

    public AmiRouterActor(IActorRef lines, IActorRef agents, IActorRef queues)
    {
        _lines = lines;
        _agents = agents;
        _queues = queues;
        Receive<GetSuccess>(g => g.Key.Equals(AgentInterfaces.Key), g =>
        {
            UseRegistry(g.Get(AgentInterfaces.Key));
            Routing();
        });
        Receive<NotFound>(_ => Routing());
        Receive<GetFailure>(_ => Routing());
        ReceiveAny(_ => Stash.Stash());
    }

    public IStash Stash { get; set; } = null!;

    private void Routing()
    {
        Become(() =>
        {
            Receive<AmiEventData>(Route);
            Receive<ResyncSnapshot>(Reconcile);
            // Each login or logout at once from the topic; the replicated registry whenever it changes.
            Receive<AgentLoggedIn>(e => _agentByInterface[e.Interface] = e.AgentId);
            Receive<AgentLoggedOut>(e =>
            {
                foreach (var kv in _agentByInterface.Where(kv => kv.Value == e.AgentId).ToList())
                    _agentByInterface.Remove(kv.Key);
            });
            Receive<Changed>(c => c.Key.Equals(AgentInterfaces.Key), c => UseRegistry(c.Get(AgentInterfaces.Key)));
            Receive<SubscribeAck>(_ => { });
            Receive<IGetResponse>(_ => { });
            Receive<GetAgentOfInterface>(q => Sender.Tell(new AgentOfInterface(q.Interface, AgentOf(q.Interface))));
            Receive<CountCalls>(_ => Sender.Tell(_calls.Count));
        });
        Stash.UnstashAll();
    }

    /// <summary>
    /// Applies what changed in this node's replica since the last one seen: entries added, re-assigned or removed there.
    /// A login or logout the topic brought that the replica does not show yet (the write reached a majority without this
    /// node, or its change notification is still to come) is kept: a stale replica never undoes it.
    /// </summary>
    private void UseRegistry(LWWDictionary<string, string> registry)
    {
        var now = new Dictionary<string, string>(registry.Entries, StringComparer.OrdinalIgnoreCase);
        foreach (var (iface, agent) in _registry)
            if (!now.ContainsKey(iface) && _agentByInterface.TryGetValue(iface, out var holder) && holder == agent)
                _agentByInterface.Remove(iface);
        foreach (var (iface, agent) in now)
            if (!_registry.TryGetValue(iface, out var before) || before != agent)
                _agentByInterface[iface] = agent;
        _registry = now;
    }

    protected override void PreStart()
    {
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(Topics.AgentLogins, Self));
        AgentInterfaces.Read(Context);
        AgentInterfaces.Subscribe(Context);
    }

    private void Route(AmiEventData e)
    {
        if (MailboxEvents.TryPublish(e, DistributedPubSub.Get(Context.System).Mediator)) return;
        var line = DeviceName.FromChannel(e["Channel"]) ?? DeviceOf(e);
        if (line is not null) ToLine(line, e);
        // The channels of an agent's line also tell the agent (his own calls: dialing, talking; an Originate's leg).
        if (line is not null && e.Name is "Newchannel" or "Newstate" or "Hangup" or "DialBegin" or "DialEnd" or "BridgeEnter" && AgentOf(line) is { } lineAgent)
            _agents.Tell(new AgentAmiEvent(lineAgent, e));
        // A recording of a call tells the agents of its lines (app_queue records the caller's channel, not the agent's).
        if (e.Name is "MixMonitorStart" or "MixMonitorStop" or "MixMonitorMute" && e["Linkedid"] is { } linkedId)
            foreach (var agent in _calls.LinesOf(linkedId).Append(line).OfType<string>().Select(AgentOf).OfType<string>().Distinct())
                _agents.Tell(new AgentAmiEvent(agent, e));
        // Someone listens to a channel of an agent's line (ChanSpy): the spied-on agent hears of it.
        if (e.Name is "ChanSpyStart" or "ChanSpyStop" && DeviceName.FromChannel(e["SpyeeChannel"]) is { } spyee && AgentOf(spyee) is { } spied)
            _agents.Tell(new AgentAmiEvent(spied, e));
        var destLine = DeviceName.FromChannel(e["DestChannel"]);
        if (destLine is not null && destLine != line)
        {
            ToLine(destLine, e);
            if (e.Name == "DialBegin" && AgentOf(destLine) is { } dialledAgent && dialledAgent != (line is null ? null : AgentOf(line)))
                _agents.Tell(new AgentAmiEvent(dialledAgent, e));
        }
        foreach (var context in _calls.Observe(e)) _lines.Tell(context);

        if (e["Queue"] is { Length: > 0 } queue)
        {
            _knownQueues.Add(queue);
            _queues.Tell(new QueueAmiEvent(queue, e));
        }

        var memberInterface = e["Interface"] ?? e["Location"] ?? e["MemberInterface"];
        if (memberInterface is not null && e["StateInterface"] is { Length: > 0 } stateInterface && stateInterface != memberInterface)
            _stateInterfaces[memberInterface] = stateInterface;
        if (memberInterface is not null && AgentOf(memberInterface) is { } agentId)
            _agents.Tell(new AgentAmiEvent(agentId, e));
    }

    /// <summary>
    /// The agent logged on a member interface: directly, or through the state interface app_queue reported for it
    /// (a <c>Local/1001@agents/n</c> member of an agent logged on <c>PJSIP/1001</c>).
    /// </summary>
    private string? AgentOf(string memberInterface)
        => _agentByInterface.TryGetValue(memberInterface, out var agentId) ? agentId
            : _stateInterfaces.TryGetValue(memberInterface, out var device) && _agentByInterface.TryGetValue(device, out agentId) ? agentId
            : null;

    private void ToLine(string line, AmiEventData e)
    {
        _knownLines.Add(line);
        _lines.Tell(new LineAmiEvent(line, e));
    }

    /// <summary>
    /// After a (re)connection: the listed channels and queue entries are routed like events (they add what was
    /// missed), then every line and queue this router has fed is told what the PBX still has (to drop what ended).
    /// </summary>
    private void Reconcile(ResyncSnapshot snapshot)
    {
        if (snapshot.Channels is { } channels)
        {
            foreach (var e in channels) Route(e);
            var alive = channels
                .Select(e => (Line: DeviceName.FromChannel(e["Channel"]), Uid: e["Uniqueid"]))
                .Where(x => x.Line is not null && x.Uid is not null)
                .ToLookup(x => x.Line!, x => x.Uid!, StringComparer.OrdinalIgnoreCase);
            foreach (var line in _knownLines) _lines.Tell(new ReconcileLine(line, alive[line].ToArray()));
            _calls.KeepOnly(channels.Select(e => e["Uniqueid"]).OfType<string>().ToHashSet(StringComparer.Ordinal));
        }
        if (snapshot.QueueStatus is { } status)
        {
            foreach (var e in status) Route(e);
            var byQueue = status.Where(e => e["Queue"] is not null).ToLookup(e => e["Queue"]!, StringComparer.OrdinalIgnoreCase);
            foreach (var queue in _knownQueues)
            {
                var items = byQueue[queue].ToList();
                _queues.Tell(new ReconcileQueue(queue,
                    items.Where(e => e.Name == "QueueEntry" && e["Uniqueid"] is not null).Select(e => e["Uniqueid"]!).ToArray(),
                    items.Where(e => e.Name == "QueueMember" && e["Location"] is not null).Select(e => e["Location"]!).ToArray()));
            }
            // Every agent the router knows hears which queues the PBX still lists him in: the PBX wins.
            var queuesOfAgent = status.Where(e => e.Name == "QueueMember" && e["Location"] is not null && e["Queue"] is not null)
                .Select(e => (Agent: AgentOf(e["Location"]!), Queue: e["Queue"]!))
                .Where(x => x.Agent is not null)
                .ToLookup(x => x.Agent!, x => x.Queue);
            foreach (var agent in _agentByInterface.Values.Distinct())
                _agents.Tell(new ReconcileAgent(agent, queuesOfAgent[agent].ToArray()));
        }
    }

    /// <summary>
    /// The line a device event is about: DeviceStateChange's <c>Device</c>, or ExtensionStatus's <c>Hint</c> (its
    /// first channel device; a hint may read <c>PJSIP/1012&amp;Custom:DND1012</c>). Local devices are not lines.
    /// </summary>
    private static string? DeviceOf(AmiEventData e)
    {
        var device = e.Name switch
        {
            "DeviceStateChange" => e["Device"],
            "ExtensionStatus" => e["Hint"]?.Split('&').FirstOrDefault(d => d.Contains('/')),
            _ => null,
        };
        return device is not null && device.Contains('/') && !device.StartsWith("Local/", StringComparison.OrdinalIgnoreCase) ? device : null;
    }

    public static Props PropsFor(IActorRef lines, IActorRef agents, IActorRef queues)
        => Props.Create(() => new AmiRouterActor(lines, agents, queues));
}
