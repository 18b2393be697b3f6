using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Xuc.Bench.Statistics;

/// <summary>
/// The wallboards' side of <c>bench stats</c>: a thousand WebSocket clients read by one thread that polls their sockets
/// (<see cref="Socket.Select"/>) and cuts the server's frames out of each socket's bytes itself, handing each frame with
/// the <see cref="Stopwatch"/> timestamp of the read that completed it to <c>onFrame</c>.
/// </summary>
/// <remarks>
/// The clients share the server's two cores: with a <see cref="System.Net.WebSockets.ClientWebSocket"/> each (one
/// thread-pool continuation per socket per burst, ~10 µs) they took half a core and delayed the simulator's own AMI
/// writes, which run on the same thread pool, so the latency measured included the bench's own lag. One thread reading
/// whatever each ready socket holds costs a read per socket per burst and leaves the thread pool to the simulator.
/// The server's frames are unmasked and whole (FIN); the client's are masked (RFC 6455 §5.3).
/// </remarks>
public sealed class PolledFrameClients(Action<int, long, ReadOnlyMemory<byte>> onFrame) : IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private readonly List<Socket> _sockets = [];
    private readonly List<(byte[] Buffer, int Used)> _buffers = [];
    private readonly Dictionary<Socket, int> _index = [];
    private Thread? _reader;
    private volatile bool _stopping;
    private volatile string? _failure;

    /// <summary>Opens one socket per address (the upgrade, then the CTI connect sequence up to VoiceMailStatusUpdate), 32 at a time.</summary>
    public void Open(IReadOnlyList<Uri> addresses)
    {
        var opened = new Socket[addresses.Count];
        Parallel.For(0, addresses.Count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, i => opened[i] = Connect(addresses[i]));
        foreach (var socket in opened)
        {
            _index[socket] = _sockets.Count;
            _sockets.Add(socket);
            _buffers.Add((new byte[BufferBytes], 0));
        }
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "wallboards" };
        _reader.Start();
    }

    /// <summary>A text frame, masked, written at once (the sockets are blocking; the reader only reads).</summary>
    public void Send(int index, string text) => _sockets[index].Send(ClientFrame(Encoding.UTF8.GetBytes(text)));

    /// <summary>Throws if the server closed one of the sockets (a benchmark that lost sessions measures nothing).</summary>
    public void CheckAlive()
    {
        if (_failure is { } failure) throw new InvalidOperationException("a socket was closed by the server: " + failure);
    }

    private static Socket Connect(Uri address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 60_000 };
        socket.Connect(address.Host, address.Port);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        socket.Send(Encoding.ASCII.GetBytes($"GET {address.PathAndQuery} HTTP/1.1\r\nHost: {address.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                                            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        var buffer = new byte[BufferBytes];
        var used = 0;
        int end;
        while ((end = buffer.AsSpan(0, used).IndexOf("\r\n\r\n"u8)) < 0) used += Read(socket, buffer, used);
        if (!Encoding.ASCII.GetString(buffer, 0, end).StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            throw new InvalidOperationException("the upgrade was refused: " + Encoding.ASCII.GetString(buffer, 0, end).Split("\r\n")[0]);
        used = Shift(buffer, end + 4, used);
        // The connect sequence ends with VoiceMailStatusUpdate.
        while (true)
        {
            var (header, length, size) = NextFrame(buffer.AsSpan(0, used));
            if (size == 0)
            {
                used += Read(socket, buffer, used);
                continue;
            }
            var last = buffer.AsSpan(header, length).IndexOf("\"VoiceMailStatusUpdate\""u8) >= 0;
            used = Shift(buffer, size, used);
            if (last) return socket;
        }
    }

    private static int Read(Socket socket, byte[] buffer, int used)
    {
        var n = socket.Receive(buffer, used, buffer.Length - used, SocketFlags.None);
        return n > 0 ? n : throw new InvalidOperationException("closed by the server during the set-up");
    }

    private void ReadLoop()
    {
        var ready = new List<Socket>(_sockets.Count);
        try
        {
            while (!_stopping)
            {
                ready.Clear();
                ready.AddRange(_sockets);
                Socket.Select(ready, null, null, 100_000);
                foreach (var socket in ready) ReadFrom(_index[socket], socket);
            }
        }
        catch (Exception e) when (_stopping && e is SocketException or ObjectDisposedException)
        {
            // Disposed under the reader.
        }
        catch (Exception e)
        {
            _failure = e.Message;
        }
    }

    private void ReadFrom(int index, Socket socket)
    {
        var (buffer, used) = _buffers[index];
        var n = socket.Receive(buffer, used, buffer.Length - used, SocketFlags.None);
        var at = Stopwatch.GetTimestamp();
        if (n == 0) throw new InvalidOperationException($"session {index}: the connection was closed");
        used += n;
        var start = 0;
        while (true)
        {
            var (header, length, size) = NextFrame(buffer.AsSpan(start, used - start));
            if (size == 0) break;
            if ((buffer[start] & 0x0F) == 0x8) throw new InvalidOperationException($"session {index}: closed by the server");
            if ((buffer[start] & 0x0F) == 0x1) onFrame(index, at, buffer.AsMemory(start + header, length));
            start += size;
        }
        _buffers[index] = (buffer, Shift(buffer, start, used));
    }

    /// <summary>The first whole frame of <paramref name="bytes"/>: its header's size (where the payload starts), its payload's and its size on the wire (0: not all there yet).</summary>
    private static (int Header, int Length, int Size) NextFrame(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2) return default;
        if ((bytes[0] & 0x80) == 0 || (bytes[1] & 0x80) != 0) throw new InvalidOperationException("a fragmented or masked frame from the server");
        long length = bytes[1] & 0x7F;
        var header = 2;
        if (length == 126)
        {
            if (bytes.Length < 4) return default;
            length = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
            header = 4;
        }
        else if (length == 127)
        {
            if (bytes.Length < 10) return default;
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes[2..]);
            header = 10;
        }
        if (header + length > BufferBytes) throw new InvalidOperationException($"a frame of {length} bytes, larger than the client's buffer");
        return bytes.Length < header + length ? default : (header, (int)length, header + (int)length);
    }

    /// <summary>Moves what follows the first <paramref name="consumed"/> bytes to the front; the bytes left.</summary>
    private static int Shift(byte[] buffer, int consumed, int used)
    {
        if (consumed == 0) return used;
        buffer.AsSpan(consumed, used - consumed).CopyTo(buffer);
        return used - consumed;
    }

    private static byte[] ClientFrame(byte[] payload)
    {
        if (payload.Length >= 126) throw new ArgumentException("the bench sends only short commands", nameof(payload));
        var frame = new byte[6 + payload.Length];
        frame[0] = 0x81;
        frame[1] = (byte)(0x80 | payload.Length);
        RandomNumberGenerator.Fill(frame.AsSpan(2, 4));
        for (var i = 0; i < payload.Length; i++) frame[6 + i] = (byte)(payload[i] ^ frame[2 + i % 4]);
        return frame;
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var socket in _sockets) socket.Dispose();
        _reader?.Join(TimeSpan.FromSeconds(5));
    }
}
