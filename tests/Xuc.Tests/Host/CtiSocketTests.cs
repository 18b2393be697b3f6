using System.Net.WebSockets;
using System.Text;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Host.WebSocket;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// A CTI socket's outbox and writer on a bare Kestrel endpoint wired as the server wires it (<see cref="CtiEndpoint.UseCtiTransport"/>
/// before <c>UseWebSockets</c>), read by a stock <see cref="ClientWebSocket"/>.
/// </summary>
public sealed class CtiSocketTests : IAsyncLifetime
{
    private readonly int _port = FreePort.Next();
    private readonly TaskCompletionSource<(CtiSocket Socket, CtiTransport? Transport, Task Run)> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(_port));
        _app = builder.Build();
        _app.UseCtiTransport().UseWebSockets();
        _app.Map(CtiEndpoint.Path, async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var transport = (context.Features.Get<IHttpUpgradeFeature>() as CtiUpgrade)?.Transport;
            var pump = new CtiSocket(socket, new SessionSettings { OutboxCapacity = 5000 }, transport);
            var run = pump.RunAsync(ActorRefs.Nobody);
            _accepted.SetResult((pump, transport, run));
            await run;
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static PreEncoded Message(int size, int n)
    {
        var text = new StringBuilder($"{{\"n\":{n},\"pad\":\"");
        while (text.Length < size - 2) text.Append((char)('a' + text.Length % 26));
        return new PreEncoded("Test", Encoding.UTF8.GetBytes(text.Append("\"}").ToString()));
    }

    [Fact]
    public async Task A_burst_arrives_whole_and_in_order_several_frames_a_write_then_the_close_with_its_reason()
    {
        using var client = new ClientWebSocket();
        await client.ConnectAsync(new Uri($"ws://127.0.0.1:{_port}{CtiEndpoint.Path}"), CancellationToken.None);
        var (socket, transport, run) = await _accepted.Task.WaitAsync(CtiClient.Patience);
        Assert.NotNull(transport);

        // Small frames and every length form: 7 bits, 16 bits, 64 bits (larger than the writer's 16 KiB chunk).
        var sent = Enumerable.Range(0, 3000).Select(n => Message(n % 100 == 7 ? 70_000 : n % 10 == 3 ? 300 : 40, n)).ToList();
        foreach (var message in sent) Assert.True(socket.TryPush(message));
        socket.Close("the test is over");

        var buffer = new byte[100_000];
        foreach (var message in sent) Assert.Equal(message.Utf8, await CtiFramesTests.TextMessageAsync(client, buffer));
        var close = await client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Equal("the test is over", client.CloseStatusDescription);
        // Once the client answers the close, the server's pump ends; nothing is accepted after the close.
        Assert.True(socket.TryPush(Message(40, 0)));
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await run.WaitAsync(CtiClient.Patience);
    }

    [Fact]
    public async Task Pings_from_the_client_are_answered_between_the_servers_frames()
    {
        using var client = new ClientWebSocket();
        client.Options.KeepAliveInterval = TimeSpan.FromMilliseconds(1);
        client.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
        await client.ConnectAsync(new Uri($"ws://127.0.0.1:{_port}{CtiEndpoint.Path}"), CancellationToken.None);
        var (socket, _, _) = await _accepted.Task.WaitAsync(CtiClient.Patience);
        // The client pings every millisecond: the server's pongs go through the transport too, never inside a frame.
        var buffer = new byte[1000];
        for (var n = 0; n < 2000; n++)
        {
            var message = Message(n % 2 == 0 ? 40 : 200, n);
            Assert.True(socket.TryPush(message));
            var result = await client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            Assert.True(result.EndOfMessage);
            Assert.Equal(message.Utf8, buffer[..result.Count]);
        }
    }

    [Fact]
    public async Task Batches_written_by_their_pusher_arrive_whole_and_in_order_among_single_frames_and_one_larger_than_the_outbox_is_refused_whole()
    {
        using var client = new ClientWebSocket();
        await client.ConnectAsync(new Uri($"ws://127.0.0.1:{_port}{CtiEndpoint.Path}"), CancellationToken.None);
        var (socket, _, run) = await _accepted.Task.WaitAsync(CtiClient.Patience);

        // More than the outbox holds (5,000): nothing of it is queued.
        Assert.False(socket.TryPush(Enumerable.Range(0, 5001).Select(n => (ICtiMessage)Message(40, -n)).ToList()));
        var sent = new List<PreEncoded>();
        for (var b = 0; b < 300; b++)
        {
            // Batches of 1 to 7, some frames larger than the writer's 16 KiB chunk, each followed by a single frame.
            var batch = Enumerable.Range(0, 1 + b % 7).Select(i => Message(b % 10 == 3 && i == 0 ? 20_000 : 40, b * 10 + i)).ToList();
            Assert.True(socket.TryPush(batch.Cast<ICtiMessage>().ToList()));
            sent.AddRange(batch);
            var single = Message(60, b * 10 + 9);
            Assert.True(socket.TryPush(single));
            sent.Add(single);
        }
        socket.Close("the test is over");

        var buffer = new byte[100_000];
        foreach (var message in sent) Assert.Equal(message.Utf8, await CtiFramesTests.TextMessageAsync(client, buffer));
        var close = await client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal("the test is over", client.CloseStatusDescription);
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await run.WaitAsync(CtiClient.Patience);
    }
}
