using System.Diagnostics;
using System.Text;
using Xuc.Bench.Sessions;

namespace Xuc.Bench.Agents;

/// <summary>
/// What the agents' sessions receive, per phase: during a login, each session's first <c>AgentReady</c>; during the
/// state events, the number of <c>AgentStateEvent</c> frames each of the driven sessions must receive. The instant of
/// the last frame that completed a session (Stopwatch ticks) is <see cref="LastAt"/>.
/// </summary>
public sealed class AgentFrames(int sessions)
{
    public const int Idle = 0, Login = 1, States = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    private readonly int[] _counts = new int[sessions];
    private int _expectedEach;
    private int _driven;
    private int _done;
    private long _lastAt;
    private volatile int _phase;

    public int Phase { get => _phase; set => _phase = value; }
    public long LastAt => Interlocked.Read(ref _lastAt);

    /// <summary>The state-events phase: the first <paramref name="driven"/> sessions must each see <paramref name="each"/> frames.</summary>
    public void Expect(int driven, int each)
    {
        Array.Clear(_counts);
        _expectedEach = each;
        _driven = driven;
        _done = 0;
        Interlocked.Exchange(ref _lastAt, 0);
        _phase = States;
    }

    public void OnFrame(int session, long at, ReadOnlyMemory<byte> frame)
    {
        var phase = _phase;
        if (phase == Idle) return;
        var text = Encoding.UTF8.GetString(frame.Span);
        if (!text.Contains("\"AgentStateEvent\"", StringComparison.Ordinal)) return;
        if (phase == Login)
        {
            if (_counts[session] != 0 || !text.Contains("\"AgentReady\"", StringComparison.Ordinal)) return;
            _counts[session] = 1;
            Complete(at);
        }
        else if (session < _driven && ++_counts[session] == _expectedEach) Complete(at);
    }

    private void Complete(long at)
    {
        Interlocked.Increment(ref _done);
        long seen;
        while (at > (seen = Interlocked.Read(ref _lastAt)) && Interlocked.CompareExchange(ref _lastAt, at, seen) != seen) { }
    }

    /// <summary>Waits until every session concerned is complete (the login phase: all of them).</summary>
    public async Task WaitAll(FrameClients clients, string what)
    {
        var target = _phase == Login ? _counts.Length : _driven;
        for (var wait = Stopwatch.StartNew(); Volatile.Read(ref _done) < target; await Task.Delay(10))
        {
            clients.CheckAlive();
            if (wait.Elapsed > Patience) throw new TimeoutException($"{target - Volatile.Read(ref _done)} of {target} sessions never saw their {what}");
        }
        _phase = Idle;
    }
}
