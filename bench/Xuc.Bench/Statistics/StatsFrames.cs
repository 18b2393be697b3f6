using System.Text.Json;

namespace Xuc.Bench.Statistics;

/// <summary>Reads a <c>QueueStatistics</c> frame without building a document: its queueId and its (statName, value) pairs.</summary>
public static class StatsFrames
{
    private static readonly byte[] Marker = "\"msgType\":\"QueueStatistics\""u8.ToArray();

    public static bool TryRead(ReadOnlySpan<byte> frame, out int queueId, List<(string Name, double Value)> counters)
    {
        queueId = 0;
        counters.Clear();
        if (frame.IndexOf(Marker) < 0) return false;
        var reader = new Utf8JsonReader(frame);
        string? name = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.ValueTextEquals("queueId")) { reader.Read(); queueId = reader.GetInt32(); }
            else if (reader.ValueTextEquals("statName")) { reader.Read(); name = reader.GetString(); }
            else if (reader.ValueTextEquals("value")) { reader.Read(); counters.Add((name!, reader.GetDouble())); }
        }
        return true;
    }
}
