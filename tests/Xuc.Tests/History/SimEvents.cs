using Xuc.Actors.Messages.Events;
using Xuc.PbxSim.Model;

namespace Xuc.Tests.History;

/// <summary>Feeds what a <see cref="PbxModel"/> emits, parsed into <see cref="AmiEventData"/>, to a callback as it happens.</summary>
internal sealed class SimEvents(Action<AmiEventData> onEvent) : IAmiEventSink
{
    public void SendEvent(string text) => onEvent(Parse(text));

    public static AmiEventData Parse(string text)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0) headers.Add(new(line[..colon], line[(colon + 2)..]));
        }
        return new AmiEventData(headers.First(h => h.Key == "Event").Value, headers);
    }
}
