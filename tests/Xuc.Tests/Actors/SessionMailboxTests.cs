using Akka.Actor;
using Xuc.Actors.Sessions;

namespace Xuc.Tests.Actors;

/// <summary>The sessions' mailbox queue (SessionMessageQueue): many senders, one reader, nothing held while empty.</summary>
public sealed class SessionMailboxTests
{
    [Fact]
    public async Task Messages_from_many_senders_each_come_out_once_in_each_senders_order()
    {
        var queue = new SessionMessageQueue();
        const int senders = 4, each = 20_000;
        var taken = new List<(int Sender, int N)>();
        var writing = Enumerable.Range(0, senders).Select(sender => Task.Run(() =>
        {
            for (var n = 0; n < each; n++) queue.Enqueue(ActorRefs.Nobody, new Envelope((sender, n), ActorRefs.NoSender));
        })).ToArray();
        var reading = Task.Run(() =>
        {
            while (taken.Count < senders * each)
                if (queue.TryDequeue(out var envelope)) taken.Add(((int, int))envelope.Message);
        });
        await Task.WhenAll(writing);
        await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(queue.HasMessages);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
        for (var sender = 0; sender < senders; sender++)
            Assert.Equal(Enumerable.Range(0, each), taken.Where(t => t.Sender == sender).Select(t => t.N));
    }

    [Fact]
    public void What_is_left_at_the_end_goes_to_the_dead_letters_in_order()
    {
        var queue = new SessionMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, new Envelope("a", ActorRefs.NoSender));
        queue.Enqueue(ActorRefs.Nobody, new Envelope("b", ActorRefs.NoSender));
        Assert.True(queue.HasMessages);
        Assert.Equal(2, queue.Count);
        var dead = new SessionMessageQueue();
        queue.CleanUp(ActorRefs.Nobody, dead);
        Assert.Equal(0, queue.Count);
        Assert.True(dead.TryDequeue(out var first));
        Assert.True(dead.TryDequeue(out var second));
        Assert.Equal(["a", "b"], new[] { first.Message, second.Message });
    }
}
