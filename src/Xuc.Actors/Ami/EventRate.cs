namespace Xuc.Actors.Ami;

/// <summary>Events per second over the last <see cref="Window"/> seconds, in one-second buckets (one actor's, not thread-safe).</summary>
public sealed class EventRate(TimeProvider? clock = null)
{
    public const int Window = 10;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly long[] _buckets = new long[Window];
    private long _second = -1;

    public long Total { get; private set; }

    public void Add()
    {
        Roll();
        _buckets[_second % Window]++;
        Total++;
    }

    public double PerSecond()
    {
        Roll();
        return _buckets.Sum() / (double)Window;
    }

    private void Roll()
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        if (_second < 0) _second = now;
        for (var s = _second + 1; s <= now && s <= _second + Window; s++) _buckets[s % Window] = 0;
        if (now - _second >= Window) Array.Clear(_buckets);
        _second = Math.Max(_second, now);
    }
}
