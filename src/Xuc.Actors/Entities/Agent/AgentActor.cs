using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.DistributedData;
using Akka.Persistence;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using AgentConfig = Xuc.Actors.Configuration.Model.Agent;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;

namespace Xuc.Actors.Entities.Agent;

/// <summary>
/// A sharded, event-sourced entity per agent: login and pause survive restarts (Akka.Persistence.Sql),
/// call progress comes from the AMI events the router sends for the agent's interface.
/// </summary>
public sealed class AgentActor : ReceivePersistentActor
{
    private const int SnapshotEvery = 100;
    private AgentState _state;
    private AgentConfig? _config;
    private readonly IActorRef _mediator;

    public override string PersistenceId { get; }

    public AgentActor(string agentId, EntityConfigDirectory? directory)
    {
        PersistenceId = "agent-" + agentId;
        _state = AgentState.Empty(agentId);
        _config = directory?.Agent(agentId);
        _mediator = DistributedPubSub.Get(Context.System).Mediator;

        Recover<SnapshotOffer>(o => { if (o.Snapshot is AgentState s) _state = s; });
        Recover<IAgentEvent>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ =>
        {
            // Logged in before a restart or a move to another node: make sure the router can still find us.
            if (_state is { LoggedIn: true, Interface: { } iface }) AgentInterfaces.Set(Context, iface, _state.AgentId);
        });

        Command<LoginAgent>(c =>
        {
            if (_state.LoggedIn && _state.PhoneNumber != c.PhoneNumber)
            {
                Sender.Tell(new AgentCommandResult(c.AgentId, false, "LoggedInOnAnotherPhone", _state.PhoneNumber));
                return;
            }
            PersistAndPublish(new AgentLoggedIn(c.AgentId, c.PhoneNumber, c.Interface, DateTimeOffset.UtcNow));
        });
        Command<LogoutAgent>(c => PersistIfLoggedIn(new AgentLoggedOut(c.AgentId, DateTimeOffset.UtcNow)));
        Command<PauseAgent>(c => PersistIfLoggedIn(new AgentPaused(c.AgentId, c.Reason, DateTimeOffset.UtcNow)));
        Command<UnpauseAgent>(c => PersistIfLoggedIn(new AgentUnpaused(c.AgentId, DateTimeOffset.UtcNow)));
        Command<AgentAmiEvent>(m =>
        {
            var next = _state.Apply(m.Event, DateTimeOffset.UtcNow);
            if (ReferenceEquals(next, _state)) return;
            _state = next;
            Publish();
        });
        Command<ConfigureAgent>(c =>
        {
            if (c.Config == _config) return;
            _config = c.Config;
            Publish();
        });
        Command<GetAgentState>(_ => Sender.Tell(Current));
        // The interface registry's answer; a write that timed out is in this node's replica and spreads by gossip.
        Command<IUpdateResponse>(r => (r.Request as AnswerWhenWritten)?.Send());
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    private void PersistIfLoggedIn(IAgentEvent e)
    {
        if (!_state.LoggedIn)
        {
            Sender.Tell(new AgentCommandResult(e.AgentId, false, "AgentNotLoggedIn"));
            return;
        }
        PersistAndPublish(e);
    }

    private void PersistAndPublish(IAgentEvent e)
    {
        var replyTo = Sender;
        Persist(e, persisted =>
        {
            var previousInterface = _state.Interface;
            _state = _state.Apply(persisted);
            var answer = new AnswerWhenWritten(replyTo, new AgentCommandResult(persisted.AgentId, true, null, _state.PhoneNumber));
            // A login or logout is answered once the interface registry has it on a majority of nodes, so the AMI
            // router finds the agent wherever it runs by the time the agent hears "logged in".
            if (persisted is AgentLoggedIn login)
            {
                if (previousInterface is not null && previousInterface != login.Interface)
                    AgentInterfaces.Remove(Context, previousInterface, login.AgentId);
                AgentInterfaces.Set(Context, login.Interface, login.AgentId, answer);
            }
            else if (persisted is AgentLoggedOut && previousInterface is not null)
                AgentInterfaces.Remove(Context, previousInterface, persisted.AgentId, answer);
            else
                answer.Send();
            Publish();
            if (persisted is AgentLoggedIn or AgentLoggedOut)
                _mediator.Tell(new Publish(Topics.AgentLogins, persisted));
            if (LastSequenceNr % SnapshotEvery == 0) SaveSnapshot(_state);
        });
    }

    /// <summary>The persisted facts and the live call status, with the configuration attached.</summary>
    private AgentState Current => _state with { Config = _config };

    private void Publish() => _mediator.Tell(new Publish(Topics.Agent(_state.AgentId), new AgentStateChanged(Current)));

    public static Props PropsFor(string agentId, EntityConfigDirectory? directory = null) =>
        Props.Create(() => new AgentActor(agentId, directory));
}

/// <summary>A command's answer held until the interface registry has been written.</summary>
internal sealed record AnswerWhenWritten(IActorRef ReplyTo, AgentCommandResult Result)
{
    public void Send() => ReplyTo.Tell(Result);
}
