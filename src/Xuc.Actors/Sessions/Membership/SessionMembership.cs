using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Newtonsoft.Json.Linq;
using Xuc.Actors.PubSub;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Membership;

/// <summary>
/// A session's membership side: runs the commands through the node's <see cref="MembershipDesk"/> (the answer comes
/// back to the session as a <see cref="MembershipReply"/>) and, once the session listed <c>queuemember</c>, pushes
/// every QueueMember change of the queues its profile lets it see. Owned by the <see cref="SessionActor"/>.
/// </summary>
public sealed class SessionMembership(SessionUser user, IActorRef mediator, IActorRef session, Action<ICtiMessage> push)
{
    private bool _subscribed;
    private bool _listed;
    private IReadOnlySet<int>? _queues;
    /// <summary>Changes heard after subscribing and before the list was pushed, pushed after it.</summary>
    private readonly List<QueueMember> _early = [];

    public void Handle(string command, JObject frame, ActorSystem system)
    {
        if (Services.NodeServices.For(system).Get<MembershipDesk>() is not { } desk)
        {
            push(new CtiError(CtiErrors.NotImplemented, $"{command}: no membership desk on this node"));
            return;
        }
        if (command is "getList" or "getConfig" && !_subscribed)
        {
            _subscribed = true;
            mediator.Tell(new Subscribe(Topics.QueueMembers, session));
        }
        MembershipCommands.RunAsync(command, frame, user, desk)
            .PipeTo(session, failure: e => new MembershipReply([new CtiError(CtiErrors.NotStored, $"{command}: {e.GetBaseException().Message}")]));
    }

    public void OnReply(MembershipReply reply)
    {
        foreach (var message in reply.Messages) push(message);
        if (!reply.Listed) return;
        _queues = reply.Queues;
        if (!_listed)
        {
            _listed = true;
            foreach (var member in _early.Where(Visible)) push(member);
            _early.Clear();
        }
    }

    public void OnChanged(QueueMembersChanged changed)
    {
        if (!_listed)
        {
            _early.AddRange(changed.Members);
            return;
        }
        foreach (var member in changed.Members.Where(Visible)) push(member);
    }

    private bool Visible(QueueMember m) => _queues is null || _queues.Contains(m.QueueId);
}
