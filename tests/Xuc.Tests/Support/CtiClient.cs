using System.Net;
using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Xuc.Tests.Support;

/// <summary>A CTI WebSocket client over a real <see cref="ClientWebSocket"/>, as a browser page would open it.</summary>
public sealed class CtiClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    public ClientWebSocket Socket { get; }

    private CtiClient(ClientWebSocket socket) => Socket = socket;

    public static Uri Address(TestServer server, string? token)
    {
        var b = new UriBuilder(server.App.BaseAddress) { Scheme = "ws", Path = "/xuc/api/2.0/cti" };
        if (token is not null) b.Query = "token=" + Uri.EscapeDataString(token);
        return b.Uri;
    }

    public static Task<CtiClient> ConnectAsync(TestServer server, string token) => ConnectAsync(Address(server, token));

    /// <summary>A socket to any server's CTI address (a server in its own process: <see cref="ServerProcess.CtiAddress"/>).</summary>
    public static async Task<CtiClient> ConnectAsync(Uri address)
    {
        var socket = new ClientWebSocket();
        using var cts = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(address, cts.Token);
        return new CtiClient(socket);
    }

    /// <summary>Logs in over REST and opens a socket with the token.</summary>
    public static async Task<CtiClient> LoginAsync(TestServer server, string login, string password)
        => await ConnectAsync(server, await TokenAsync(server, login, password));

    public static Task<string> TokenAsync(TestServer server, string login, string password) => ServerProcess.TokenAsync(server.Http, login, password);

    public Task SendAsync(string text) => Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] bytes) => Socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>The next text frame, or null when the server closed the socket.</summary>
    public Task<string?> ReceiveAsync() => ReceiveAsync(Patience);

    /// <summary>The next text frame within <paramref name="patience"/> (a receive cancelled aborts the socket), or null when the server closed it.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan patience)
    {
        using var cts = new CancellationTokenSource(patience);
        var buffer = new byte[8192];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    /// <summary>
    /// The next frame whose msgType is one of <paramref name="msgTypes"/>; frames of other types on the way (the phone's
    /// own events, an agent's state, pushed unasked while the test works the PBX) are passed over.
    /// </summary>
    public async Task<string> ReceiveOfTypeAsync(params string[] msgTypes)
    {
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("the server closed the socket");
            if (msgTypes.Contains((string?)JObject.Parse(frame)["msgType"])) return frame;
        }
    }

    /// <summary>The next frame whose msgType is not <paramref name="msgType"/> (e.g. an agent's AgentStateEvents, pushed on their own time).</summary>
    public async Task<string> ReceiveOtherThanAsync(string msgType)
    {
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("the server closed the socket");
            if ((string?)JObject.Parse(frame)["msgType"] != msgType) return frame;
        }
    }

    /// <summary>
    /// The connect sequence of <paramref name="login"/>'s session: <paramref name="frames"/> frames, then, for a user who
    /// is an agent, the AgentStateEvent that ends it (PROTOCOL.md §2; checked to be his agent's).
    /// </summary>
    public async Task<List<string>> ReceiveConnectSequenceAsync(TestServer server, string login, int frames)
    {
        var sequence = await ReceiveManyAsync(frames);
        if ((await server.App.Store.FindUserByLoginAsync(login))!.AgentId is not { } agent) return sequence;
        var state = await ReceiveJsonAsync();
        Assert.Equal(("AgentStateEvent", agent), ((string?)state["msgType"], (int?)state["ctiMessage"]?["agentId"]));
        sequence.Add(state.ToString(Newtonsoft.Json.Formatting.None));
        return sequence;
    }

    public async Task<JObject> ReceiveJsonAsync() => JObject.Parse(await ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("the server closed the socket"));

    /// <summary>Reads the connect sequence (<paramref name="count"/> frames) and returns it.</summary>
    public async Task<List<string>> ReceiveManyAsync(int count)
    {
        var frames = new List<string>();
        for (var i = 0; i < count; i++) frames.Add(await ReceiveAsync() ?? throw new Xunit.Sdk.XunitException($"closed after {i} frames"));
        return frames;
    }

    /// <summary>Reads until the server's Close frame; its status description.</summary>
    public Task<string?> ReceiveCloseAsync() => ReceiveCloseAsync(Patience);

    /// <summary>Reads until the server's Close frame, waiting at most <paramref name="patience"/> for each frame; its status description.</summary>
    public async Task<string?> ReceiveCloseAsync(TimeSpan patience)
    {
        while (await ReceiveAsync(patience) is not null) { }
        return Socket.CloseStatusDescription;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        Socket.Dispose();
    }
}
