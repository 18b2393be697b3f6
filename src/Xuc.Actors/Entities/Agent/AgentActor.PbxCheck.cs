using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Pbx;
using Xuc.Actors.Routing;
using Xuc.Ami.Actions;

namespace Xuc.Actors.Entities.Agent;

/// <summary>After a restart or a resync: the PBX's QueueStatus against what was recorded; the PBX wins.</summary>
public sealed partial class AgentActor
{
    private void CheckQueueStatus()
    {
        if (!_state.LoggedIn) return;
        if (!ActorRegistry.For(Context.System).TryGet<AmiConnectionProxy>(out var proxy)) return;
        new PbxGateway(proxy).SendList(new QueueStatusAction(), AgentRequests.ActionTimeout)
            .PipeTo(Self, success: r => new QueueStatusRead(r), failure: e => new QueueStatusRead(new PbxLinkDown("QueueStatus", e.Message)));
    }

    private void OnQueueStatus(QueueStatusRead read)
    {
        if (read.Result is not PbxAnswered answered)
        {
            if (++_checks < CheckAttempts) Timers.StartSingleTimer(CheckTimer, CheckWithPbx.Instance, CheckRetry);
            else _log.Warning("Agent {0}: could not check his queues with the PBX after a restart ({1})", _state.AgentId, read.Result);
            return;
        }
        var mine = answered.Items.Where(i => i.Name == "QueueMember" && IsMine(i)).ToList();
        var now = DateTimeOffset.UtcNow;
        var facts = new List<IAgentEvent>();
        var state = _state;
        foreach (var item in mine)
            foreach (var fact in AgentDerivation.FactsOf(state, item, QueueIdOf, PhoneOf, now, MemberName))
            {
                facts.Add(fact);
                state = state.Apply(fact);
            }
        facts.AddRange(AgentDerivation.Reconcile(state, mine.Select(i => i["Queue"]!).ToList(), now));
        FollowPbx(facts, "after a restart");
    }

    private bool IsMine(AmiEventData item) =>
        item["StateInterface"] == _state.Interface || item["Location"] == _state.Interface
        || _state.Memberships.Any(m => m.Interface == item["Location"] && m.Queue == item["Queue"]);

    private void FollowPbx(IReadOnlyList<IAgentEvent> facts, string when)
    {
        if (facts.Count == 0) return;
        _log.Info("Agent {0}: the PBX differs from what was recorded {1}; following the PBX: {2}", _state.AgentId, when,
            string.Join(", ", facts.Select(f => f.GetType().Name + (f is AgentQueueLeft q ? " " + q.Queue : f is AgentQueueJoined j ? " " + j.Queue : ""))));
        PersistAndPublish(facts, ActorRefs.Nobody);
    }
}
