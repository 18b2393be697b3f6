using System.Net.Sockets;
using System.Text;

namespace Xuc.Tests.PbxSim;

/// <summary>A bare-text AMI peer (no Xuc code): sends what a test writes, reads messages as lists of header pairs.</summary>
public sealed class RawAmi : IAsyncDisposable
{
    private readonly TcpClient _tcp = new();
    private StreamReader _reader = null!;
    private NetworkStream _stream = null!;

    public string Banner { get; private set; } = "";

    /// <summary>Every message read so far, events skipped by <see cref="ReadUntilAsync"/> included.</summary>
    public List<List<KeyValuePair<string, string>>> Log { get; } = [];

    public static async Task<RawAmi> ConnectAsync(int port)
    {
        var raw = new RawAmi();
        await raw._tcp.ConnectAsync("127.0.0.1", port);
        raw._stream = raw._tcp.GetStream();
        raw._reader = new StreamReader(raw._stream, Encoding.UTF8);
        raw.Banner = await raw._reader.ReadLineAsync() ?? "";
        return raw;
    }

    public async Task SendAsync(string text) => await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>The next message, or null when the PBX closed the connection.</summary>
    public async Task<List<KeyValuePair<string, string>>?> ReadAsync(TimeSpan? within = null)
    {
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(5));
        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (headers.Count > 0) { Log.Add(headers); return headers; }
                continue;
            }
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            headers.Add(colon < 0 ? new(line.TrimEnd(':'), "") : new(line[..colon], line[(colon + 2)..]));
        }
    }

    /// <summary>Reads until a message with this header value comes (skipping events in between).</summary>
    public async Task<List<KeyValuePair<string, string>>> ReadUntilAsync(string header, string value, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            var m = await ReadAsync(deadline - DateTime.UtcNow) ?? throw new IOException("connection closed");
            if (m.Any(h => h.Key == header && h.Value == value)) return m;
        }
        throw new TimeoutException($"no message with {header}: {value}");
    }

    public async Task<List<KeyValuePair<string, string>>> LoginAsync(string user = "xuc", string secret = "xucpass", string? events = null)
    {
        await SendAsync($"Action: Login\r\nActionID: login\r\nUsername: {user}\r\nSecret: {secret}\r\n" + (events is null ? "" : $"Events: {events}\r\n") + "\r\n");
        return await ReadUntilAsync("ActionID", "login");
    }

    public async ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        await Task.CompletedTask;
    }
}

public static class HeaderListExtensions
{
    public static string? Get(this List<KeyValuePair<string, string>> m, string name) => m.FirstOrDefault(h => h.Key == name).Value;
}
