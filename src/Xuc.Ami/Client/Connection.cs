using System.IO.Pipelines;
using System.Net.Sockets;
using Xuc.Ami.Framing;

namespace Xuc.Ami.Client;

/// <summary>One TCP connection to the PBX: the socket, its reading pipe, its framer, and serialised writes.</summary>
internal sealed class Connection : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private Connection(TcpClient tcp, AmiFramerLimits limits)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        Reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        Framer = new AmiFramer(limits, expectBanner: true);
    }

    public PipeReader Reader { get; }
    public AmiFramer Framer { get; }

    public static async Task<Connection> OpenAsync(AmiClientOptions options, CancellationToken token)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            connectTimeout.CancelAfter(options.ConnectTimeout);
            await tcp.ConnectAsync(options.Host, options.Port, connectTimeout.Token);
            return new Connection(tcp, options.Limits);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async Task WriteAsync(byte[] bytes, CancellationToken token)
    {
        await _writeLock.WaitAsync(token);
        try
        {
            await _stream.WriteAsync(bytes, token);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        try { Reader.CancelPendingRead(); } catch (InvalidOperationException) { }
        _tcp.Dispose();
    }
}
