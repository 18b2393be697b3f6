using System.Text.Json;

namespace Xuc.Bench.Statistics;

/// <summary>
/// Reads a <c>QueueStatistics</c> frame without building a document or a string: its queueId and, for each counter,
/// its index in the names given and its value. A thousand clients on the server's two cores read ~10⁵ frames/s, and
/// what a client spends per frame is receive lag in the latency it measures.
/// </summary>
public sealed class StatsFrames(string[] names)
{
    private static readonly byte[] Marker = "\"msgType\":\"QueueStatistics\""u8.ToArray();
    private readonly byte[][] _names = names.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    /// <param name="counters">Cleared, then filled with (index in the names, value); a name not among them is skipped.</param>
    public bool TryRead(ReadOnlySpan<byte> frame, out int queueId, List<(int Counter, double Value)> counters)
    {
        queueId = 0;
        counters.Clear();
        if (frame.IndexOf(Marker) < 0) return false;
        var reader = new Utf8JsonReader(frame);
        var counter = -1;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.ValueTextEquals("queueId"u8)) { reader.Read(); queueId = reader.GetInt32(); }
            else if (reader.ValueTextEquals("statName"u8)) { reader.Read(); counter = IndexOf(ref reader); }
            else if (reader.ValueTextEquals("value"u8)) { reader.Read(); if (counter >= 0) counters.Add((counter, reader.GetDouble())); }
        }
        return true;
    }

    private int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _names.Length; i++)
            if (reader.ValueTextEquals(_names[i])) return i;
        return -1;
    }
}
