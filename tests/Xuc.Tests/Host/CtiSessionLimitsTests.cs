using System.Net.WebSockets;
using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xuc.Actors.Sessions;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>A server with a small outbox and a short idle timeout (xuc.cti.*), so the limits show without long waits.</summary>
public sealed class CtiLimitsServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;
    public async Task InitializeAsync() => Server = await TestServer.StartAsync("xuc.cti.outbox = 16\nxuc.cti.idle-timeout = 2s\n");
    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class CtiSessionLimitsTests(CtiLimitsServerFixture fixture) : IClassFixture<CtiLimitsServerFixture>
{
    private TestServer Server => fixture.Server;
    private const string Pong = """{"msgType":"Pong","ctiMessage":{}}""";

    private async Task<int> SessionCount()
    {
        var registry = Server.App.Web.Services.GetRequiredService<IActorRegistry>();
        return await registry.Get<SessionManagerActor>().Ask<int>(CountSessions.Instance, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_peer_that_stops_reading_is_dropped_and_its_session_is_gone_while_another_keeps_working()
    {
        await using var healthy = await CtiClient.LoginAsync(Server, "alice", "alice");
        await healthy.ReceiveManyAsync(8);
        var before = await SessionCount();
        await using var deaf = await CtiClient.LoginAsync(Server, "bob", "bob");
        Assert.Equal(before + 1, await SessionCount());

        // Pings, never reading the answers: the socket buffers fill, then the 16-message outbox, then the server drops it.
        var ping = Encoding.UTF8.GetBytes("""{"claz":"ping"}""");
        var sent = 0;
        var dropped = false;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!dropped)
        {
            try
            {
                await deaf.Socket.SendAsync(ping, WebSocketMessageType.Text, true, deadline.Token);
                sent++;
                if (sent % 5000 == 0) dropped = await SessionCount() == before;
            }
            catch (Exception e) when (e is WebSocketException or IOException)
            {
                dropped = true;
            }
        }
        await Wait.Until(async () => await SessionCount() == before, CtiClient.Patience, "the deaf peer's session stops");
        // The connection itself is dropped too: reading what was buffered runs into its end.
        var buffer = new byte[64 * 1024];
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            while ((await deaf.Socket.ReceiveAsync(buffer.AsMemory(), deadline.Token)).MessageType != WebSocketMessageType.Close) { }
            throw new WebSocketException("closed");
        });
        Assert.False(deadline.IsCancellationRequested, "the deaf peer's connection was still open after 60 s");

        await healthy.SendAsync("""{"claz":"ping"}""");
        Assert.Equal(Pong, await healthy.ReceiveAsync());
    }

    [Fact]
    public async Task A_silent_peer_is_closed_after_the_idle_timeout_while_a_pinging_one_stays_open()
    {
        await using var silent = await CtiClient.LoginAsync(Server, "bob", "bob");
        await silent.ReceiveManyAsync(8);
        await using var pinging = await CtiClient.LoginAsync(Server, "alice", "alice");
        await pinging.ReceiveManyAsync(8);

        var closed = silent.ReceiveCloseAsync();
        // Pings every 200 ms (ten times within the 2 s idle timeout, so a busy machine's late timer cannot make a gap
        // of 2 s) until the silent peer has been closed, then for one more idle timeout: each answered, the socket open.
        var pingsAfterClose = 0;
        using var deadline = new CancellationTokenSource(CtiClient.Patience);
        while (pingsAfterClose < 10)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            await pinging.SendAsync("""{"claz":"ping"}""");
            Assert.Equal(Pong, await pinging.ReceiveAsync());
            if (closed.IsCompleted) pingsAfterClose++;
        }
        Assert.Contains("idle timeout", await closed);
        Assert.Equal(WebSocketState.Open, pinging.Socket.State);
    }

    /// <summary>hocon/akka.conf deploys the sessions' light mailbox (SessionMessageQueue) under the node's session parent.</summary>
    [Fact]
    public async Task Sessions_run_on_the_light_mailbox_hocon_deploys_for_them()
    {
        await using var client = await CtiClient.LoginAsync(Server, "alice", "alice");
        await client.ReceiveManyAsync(8);
        var manager = (ActorRefWithCell)Server.App.Web.Services.GetRequiredService<IActorRegistry>().Get<SessionManagerActor>();
        var sessions = manager.Children.ToList();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.IsType<SessionMessageQueue>(((ActorCell)((ActorRefWithCell)s).Underlying).Mailbox!.MessageQueue));
    }
}
