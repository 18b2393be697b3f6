namespace Xuc.Ami.Client;

/// <summary>
/// The wait before the next connection or login attempt: <c>min·2^attempt</c>, capped at <c>max</c>, then jittered
/// down by up to 20 % so many clients do not reconnect in step. The cap is a true ceiling: no wait exceeds it.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public TimeSpan Max => max;

    /// <param name="attempt">0 for the first retry after a failure.</param>
    public TimeSpan Delay(int attempt)
    {
        var baseMs = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt, 0, 30)));
        return TimeSpan.FromMilliseconds(baseMs * (1 - 0.2 * _random()));
    }
}
