using System.Text;
using Xuc.Ami.Framing;

namespace Xuc.Ami.Recording;

/// <summary>
/// Writes the AMI stream a client receives to a file in <see cref="AmiRecordingFormat"/> (appended, so restarts
/// add to the day's capture). Flushed after every read of the socket, so a crash loses at most one read.
/// </summary>
public sealed class AmiRecorder : IAmiStreamTap, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Func<DateTimeOffset> _clock;
    private readonly Lock _lock = new();
    private bool _bannerPending;
    private bool _disposed;

    public AmiRecorder(string path, Func<DateTimeOffset>? clock = null)
    {
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024) { NewLine = "\r\n" };
        _writer.WriteLine(AmiRecordingFormat.Magic);
        _writer.Flush();
        Path = path;
    }

    public string Path { get; }

    /// <summary>Messages written so far.</summary>
    public long Messages { get; private set; }

    /// <summary>Why recording stopped (a write failed: disk full, file removed), or null while it runs.</summary>
    public string? Failure { get; private set; }

    /// <summary>Runs a write under the lock; a failed write stops the recording and never reaches the client's read loop.</summary>
    private void Write(Action write)
    {
        lock (_lock)
        {
            if (_disposed || Failure is not null) return;
            try { write(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                Failure = $"recording to {Path} stopped: {e.Message}";
            }
        }
    }

    public void Connected(string host, int port) => Write(() =>
    {
        _writer.WriteLine($"{AmiRecordingFormat.CommentPrefix} {AmiRecordingFormat.Time(_clock())} connect {host} {port}");
        _bannerPending = true;
        _writer.Flush();
    });

    public void Received(string? banner, IReadOnlyList<AmiMessage> messages) => Write(() =>
    {
        if (_bannerPending && banner is not null)
        {
            _writer.WriteLine(banner);
            _bannerPending = false;
        }
        if (messages.Count == 0) return;
        var time = AmiRecordingFormat.Time(_clock());
        foreach (var m in messages)
        {
            _writer.Write(AmiRecordingFormat.CommentPrefix);
            _writer.Write(' ');
            _writer.WriteLine(time);
            for (var i = 0; i < m.Count; i++)
            {
                _writer.Write(m.NameAt(i));
                _writer.Write(": ");
                _writer.WriteLine(m.ValueAt(i));
            }
            _writer.WriteLine();
        }
        Messages += messages.Count;
        _writer.Flush();
    });

    public void Sent(string action, string actionId)
        => Write(() => _writer.WriteLine($"{AmiRecordingFormat.CommentPrefix} {AmiRecordingFormat.Time(_clock())} sent {action} {actionId}"));

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            _writer.Dispose();
        }
    }
}
