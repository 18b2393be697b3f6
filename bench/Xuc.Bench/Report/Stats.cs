namespace Xuc.Bench.Report;

/// <summary>Median and spread of repeated measurements.</summary>
public sealed record Stats(double Median, double Min, double Max, int Runs)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0) throw new ArgumentException("no samples", nameof(samples));
        var sorted = samples.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stats(median, sorted[0], sorted[^1], sorted.Length);
    }

    public string Spread(string format) => $"{Min.ToString(format)}–{Max.ToString(format)}";
}
