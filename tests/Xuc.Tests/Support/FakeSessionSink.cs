using System.Collections.Concurrent;
using Akka.Actor;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Tests.Support;

/// <summary>A session's sink for TestKit: each message and each close goes to a probe; it can stop accepting (a peer that stops reading).</summary>
public sealed class FakeSessionSink(IActorRef probe) : ISessionSink
{
    public volatile bool Accepting = true;

    public bool TryPush(ICtiMessage message)
    {
        if (!Accepting) return false;
        probe.Tell(message);
        return true;
    }

    public bool TryPush(IReadOnlyList<ICtiMessage> messages)
    {
        if (!Accepting) return false;
        foreach (var message in messages) probe.Tell(message);
        return true;
    }

    public void Close(string reason) => probe.Tell(new SinkClosed(reason));
    public void Abort(string reason) => probe.Tell(new SinkAborted(reason));
}

public sealed record SinkClosed(string Reason);
public sealed record SinkAborted(string Reason);

/// <summary>Users by login, as a test sets them; a login mapped to a pending task never answers.</summary>
public sealed class FakeSessionDirectory : ISessionDirectory
{
    public ConcurrentDictionary<string, Func<Task<SessionUser?>>> Users { get; } = new();

    public FakeSessionDirectory With(SessionUser user)
    {
        Users[user.User.Login] = () => Task.FromResult<SessionUser?>(user);
        return this;
    }

    public Task<SessionUser?> FindAsync(string login)
        => Users.TryGetValue(login, out var find) ? find() : Task.FromResult<SessionUser?>(null);
}
