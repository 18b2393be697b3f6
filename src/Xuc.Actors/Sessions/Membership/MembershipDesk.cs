using Akka.Actor;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Pbx;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Ami.Actions;

namespace Xuc.Actors.Sessions.Membership;

/// <summary>
/// Changes an agent's configured queues (docs/cti-websocket.md, "Membership"): the PBX first when he is logged in
/// (QueueAdd, QueuePenalty, QueueRemove on the member interface he is logged on), then the configuration store; a PBX
/// refusal undoes what the PBX took and stores nothing, a refused store write undoes the PBX. The committed change is
/// announced by the store, and becomes QueueMember frames (<see cref="QueueMembersChanged"/>). One per node, changes
/// one agent at a time.
/// </summary>
public sealed class MembershipDesk(ConfigStore store, PbxGateway pbx, IActorRef agents, EntityConfigDirectory directory)
{
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public ConfigStore Store => store;

    /// <summary>How many times a change is tried when the agent's queues changed under it (another node's desk, the admin API).</summary>
    public const int Attempts = 3;

    /// <summary>Makes <paramref name="agentId"/>'s queues <c>change(his queues as stored)</c>; null when done, else the Error.</summary>
    /// <remarks>
    /// The desk is one per node: another node's desk (or an administrator) may change the same agent between this
    /// desk's read and its write. The write therefore takes place only if the stored queues are still those the change
    /// was computed from (checked inside the store's write transaction, which the database serialises); if not, the
    /// PBX actions are taken back and the change is computed again on what is stored now, up to <see cref="Attempts"/>
    /// times. Without that, the later write would put back what it had read and lose the other change.
    /// </remarks>
    public async Task<CtiError?> ChangeQueuesAsync(string command, int agentId, Func<IReadOnlyList<QueueMembership>, IReadOnlyList<QueueMembership>> change)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (await store.GetAsync(ConfigKinds.Agent, agentId.ToString()) is not Agent agent)
                    return new CtiError(CtiErrors.InvalidArgument, $"{command}: no agent {agentId}");
                var target = change(agent.DefaultQueues);
                var steps = await PbxStepsAsync(agent, target);
                var done = new List<PbxStep>();
                foreach (var step in steps)
                {
                    var result = await pbx.Send(step.Action, ActionTimeout);
                    if (result is PbxAnswered)
                    {
                        done.Add(step);
                        continue;
                    }
                    await UndoAsync(done);
                    return PbxError(command, agentId, result);
                }
                try
                {
                    await store.ChangeAgentAsync(agentId, a => a.DefaultQueues.SequenceEqual(agent.DefaultQueues)
                        ? a with { DefaultQueues = target }
                        : throw new ChangedMeanwhile());
                    return null;
                }
                catch (ChangedMeanwhile)
                {
                    await UndoAsync(done);
                    if (attempt == Attempts)
                        return new CtiError(CtiErrors.NotStored, $"{command}: agent {agentId} not changed: his queues changed {Attempts} times while this change was made; try again");
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    await UndoAsync(done);
                    return new CtiError(CtiErrors.NotStored, $"{command}: agent {agentId} not changed: {(e is ConfigValidationException v ? string.Join("; ", v.Errors) : e.GetBaseException().Message)}");
                }
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The agent's stored queues are no longer those a change was computed from.</summary>
    private sealed class ChangedMeanwhile : Exception;

    /// <summary>
    /// An administrator's change of an agent's queues (admin API, import), already stored: a logged-in agent's PBX
    /// membership follows it. The store is the reference: a refusal is returned for the log, nothing is undone.
    /// </summary>
    public async Task<string?> FollowAdministratorAsync(Agent before, Agent after)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            foreach (var step in await PbxStepsAsync(before, after.DefaultQueues))
                if (await pbx.Send(step.Action, ActionTimeout) is not PbxAnswered and var failed)
                    return $"agent {after.Id}: queues changed in the configuration, {step.Action.Name} not done on the PBX: {failed}";
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"agent {after.Id}: queues changed in the configuration, not applied to the PBX: {e.GetBaseException().Message}";
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>One action and the one that undoes it.</summary>
    private sealed record PbxStep(AmiAction Action, AmiAction Undo);

    /// <summary>
    /// What the PBX needs for the queues that change, when the agent is logged in: a queue the PBX does not have him in
    /// gets QueueAdd (as his login would), one it has him in gets QueuePenalty for a new penalty, or QueueRemove.
    /// </summary>
    private async Task<IReadOnlyList<PbxStep>> PbxStepsAsync(Agent agent, IReadOnlyList<QueueMembership> target)
    {
        var before = agent.DefaultQueues.ToDictionary(m => m.QueueId, m => m.Penalty);
        var after = target.ToDictionary(m => m.QueueId, m => m.Penalty);
        var touched = before.Keys.Union(after.Keys).Where(q => before.GetValueOrDefault(q, -1) != after.GetValueOrDefault(q, -1)).ToList();
        if (touched.Count == 0) return [];
        var state = await agents.Ask<AgentState>(new GetAgentState(agent.Id.ToString()), ActionTimeout);
        if (state is not { LoggedIn: true, Interface: { } device } || directory.Line(device) is not { } line) return [];
        var steps = new List<PbxStep>();
        foreach (var queueId in touched)
        {
            if (directory.QueueById(queueId) is not { } queue) continue;
            var member = state.Memberships.FirstOrDefault(m => m.Queue == queue.Name);
            var oldPenalty = before.GetValueOrDefault(queueId);
            if (after.TryGetValue(queueId, out var penalty))
            {
                if (member is null)
                {
                    var add = Add(agent, queue, queue.MemberInterfaceFor(line), line, penalty);
                    steps.Add(new PbxStep(add, new QueueRemoveAction { Queue = queue.Name, Interface = add.Interface }));
                }
                else
                    steps.Add(new PbxStep(Penalty(queue, member.Interface, penalty), Penalty(queue, member.Interface, oldPenalty)));
            }
            else if (member is not null)
                steps.Add(new PbxStep(new QueueRemoveAction { Queue = queue.Name, Interface = member.Interface }, Add(agent, queue, member.Interface, line, oldPenalty)));
        }
        return steps;
    }

    private static QueueAddAction Add(Agent agent, Queue queue, string member, Line line, int penalty) => new()
    {
        Queue = queue.Name, Interface = member, Penalty = penalty.ToString(), MemberName = AgentRequests.MemberName(agent), StateInterface = line.Interface,
    };

    private static QueuePenaltyAction Penalty(Queue queue, string member, int penalty) => new() { Interface = member, Penalty = penalty.ToString(), Queue = queue.Name };

    /// <summary>Puts the PBX back as it was, last action first; what it refuses now is left (the agent's state shows the PBX).</summary>
    private async Task UndoAsync(List<PbxStep> done)
    {
        for (var i = done.Count - 1; i >= 0; i--) await pbx.Send(done[i].Undo, ActionTimeout);
    }

    private static CtiError PbxError(string command, int agentId, PbxResult result) => result switch
    {
        PbxRefused r => new CtiError(CtiErrors.PbxRefused, $"{command}: agent {agentId}: the PBX refused {r.Action}: {r.Reason}"),
        PbxTimedOut t => new CtiError(CtiErrors.PbxTimedOut, $"{command}: agent {agentId}: the PBX did not answer {t.Action} within {t.Timeout.TotalSeconds:0.###} s"),
        PbxLinkDown d => new CtiError(CtiErrors.PbxLinkDown, $"{command}: agent {agentId}: {d.Action} not sent, the PBX link is down ({d.Reason})"),
        _ => new CtiError(CtiErrors.PbxRefused, $"{command}: agent {agentId}: unexpected answer {result.GetType().Name}"),
    };
}
