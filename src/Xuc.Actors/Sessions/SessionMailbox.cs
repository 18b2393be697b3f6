using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Xuc.Actors.Sessions;

/// <summary>
/// The CTI sessions' mailbox (hocon/akka.conf deploys it under <c>/user/cti-sessions/*</c>): a session is idle most of
/// its life, and the default mailbox keeps a 32-slot queue segment (~1 KiB) per actor, empty or not.
/// </summary>
public sealed class SessionMailbox(Settings settings, Config config) : MailboxType(settings, config), IProducesMessageQueue<SessionMessageQueue>
{
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new SessionMessageQueue();
}

/// <summary>
/// Unbounded, any number of senders, the one actor reading: a queue under a lock, created for the first message and
/// let go when the last is taken, so an idle session holds none.
/// </summary>
public sealed class SessionMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private readonly object _gate = new();
    private Queue<Envelope>? _queue;
    private int _count;

    public bool HasMessages => Volatile.Read(ref _count) > 0;
    public int Count => Volatile.Read(ref _count);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_gate)
        {
            (_queue ??= new Queue<Envelope>(4)).Enqueue(envelope);
            _count++;
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (_gate)
        {
            if (_queue is not { Count: > 0 } queue)
            {
                envelope = default;
                return false;
            }
            envelope = queue.Dequeue();
            if (--_count == 0) _queue = null;
            return true;
        }
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }
}
