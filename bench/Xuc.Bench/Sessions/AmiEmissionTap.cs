using System.Collections.Concurrent;
using System.Diagnostics;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Sessions;

/// <summary>
/// Listens to the simulator's events as they leave it and keeps, for each channel, the instant of the first AMI event
/// that says what a PhoneEvent then reports: Newchannel in state 4 (Ring: the phone places a call) → EventDialing,
/// Newstate 5 → EventRinging, Newstate 6 → EventEstablished, Hold → EventOnHold, Hangup → EventReleased.
/// </summary>
public sealed class AmiEmissionTap : IAmiEventSink
{
    public ConcurrentDictionary<(string UniqueId, string EventType), long> Emitted { get; } = new();

    public void SendEvent(string text)
    {
        var at = Stopwatch.GetTimestamp();
        var type = Header(text, "Event") switch
        {
            "Newchannel" when Header(text, "ChannelState") == "4" => "EventDialing",
            "Newstate" => Header(text, "ChannelState") switch { "5" => "EventRinging", "6" => "EventEstablished", _ => null },
            "Hold" => "EventOnHold",
            "Hangup" => "EventReleased",
            _ => null,
        };
        if (type is not null && Header(text, "Uniqueid") is { } uid) Emitted.TryAdd((uid, type), at);
    }

    private static string? Header(string text, string name)
    {
        var key = "\r\n" + name + ": ";
        var start = text.StartsWith(name + ": ", StringComparison.Ordinal) ? name.Length + 2 : text.IndexOf(key, StringComparison.Ordinal) is var i and >= 0 ? i + key.Length : -1;
        if (start < 0) return null;
        var end = text.IndexOf("\r\n", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
