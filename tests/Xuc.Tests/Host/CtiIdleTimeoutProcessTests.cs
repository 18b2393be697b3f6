using System.Net.WebSockets;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// The idle timeout at the real settings, on the program in its own process (the embedded default): a session pinging
/// every 5 s as the stock client does outlives the default 60 s idle timeout, which closes a silent one.
/// </summary>
public sealed class CtiIdleTimeoutProcessTests : IDisposable
{
    private const string Pong = """{"msgType":"Pong","ctiMessage":{}}""";
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_session_pinging_every_5_s_stays_open_past_the_default_60_s_idle_timeout_that_closes_a_silent_one()
    {
        using var server = ServerProcess.Start(_dir.Path);
        using var http = await server.ReadyAsync();
        await using var pinging = await CtiClient.ConnectAsync(server.CtiAddress(await ServerProcess.TokenAsync(http, "alice", "alice")));
        await using var silent = await CtiClient.ConnectAsync(server.CtiAddress(await ServerProcess.TokenAsync(http, "bob", "bob")));
        await pinging.ReceiveManyAsync(8);
        await silent.ReceiveManyAsync(8);
        var closed = silent.ReceiveCloseAsync(TimeSpan.FromSeconds(120));

        // 14 pings 5 s apart: 70 s. The silent peer is still open at 50 s and closed by 70 s; each ping is answered.
        for (var ping = 1; ping <= 14; ping++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await pinging.SendAsync("""{"claz":"ping"}""");
            Assert.Equal(Pong, await pinging.ReceiveAsync());
            if (ping == 10) Assert.False(closed.IsCompleted, "the silent peer was closed before the 60 s idle timeout");
        }
        Assert.True(closed.IsCompleted, "the silent peer was still open 70 s after its last frame");
        Assert.Contains("idle timeout", await closed);
        Assert.Equal(WebSocketState.Open, pinging.Socket.State);
        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    public void Dispose() => _dir.Dispose();
}
