using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Xuc.Actors.Services;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Commands;

/// <summary>
/// What a command handler is handed: the session's user and rights, a way to answer (now, or later from a task),
/// subscriptions to the cluster's topics, and the node's collaborators (services through <see cref="NodeServices"/>,
/// actors through Akka.Hosting's registry). Made by the session once it is set up; used on its actor's thread.
/// </summary>
public sealed class SessionContext(Func<SessionUser> user, IActorRef session, ActorSystem system, IActorRef mediator, ISessionSink sink, Action<ICtiMessage> push)
{
    /// <summary>The session's user as it is now (a change of his services is seen here).</summary>
    public SessionUser User => user();

    public IActorRef Session { get; } = session;

    public ActorSystem System { get; } = system;

    public ISessionSink Sink { get; } = sink;

    public DateTimeOffset Now => System.Scheduler.Now;

    /// <summary>A message to this session's client, now.</summary>
    public void Push(ICtiMessage message) => push(message);

    /// <summary>
    /// The task's message to this session's client when it completes (piped through the session's mailbox, so the
    /// handler's task may run anywhere); a task that fails is answered <c>Error ServiceFailed</c> naming the command.
    /// </summary>
    public void Reply(string command, Task<ICtiMessage> answer) =>
        answer.PipeTo(Session, success: m => new CommandReply(m),
            failure: e => new CommandReply(new CtiError(CtiErrors.ServiceFailed, $"{command}: {e.GetBaseException().Message}")));

    /// <summary>The session receives what is published on <paramref name="topic"/> (a <see cref="FeedFrame"/> is pushed as it is).</summary>
    public void Subscribe(string topic) => mediator.Tell(new Subscribe(topic, Session));

    public void Unsubscribe(string topic) => mediator.Tell(new Unsubscribe(topic, Session));

    /// <returns>The node's <typeparamref name="T"/>, null when this node has none.</returns>
    public T? Service<T>() where T : class => NodeServices.For(System).Get<T>();

    /// <returns>The actor registered under <typeparamref name="TKey"/>, null when this node has none.</returns>
    public IActorRef? Actor<TKey>() => ActorRegistry.For(System).TryGet<TKey>(out var actor) ? actor : null;
}

/// <summary>A handler's answer piped back to its session (<see cref="SessionContext.Reply"/>).</summary>
public sealed record CommandReply(ICtiMessage Message);
