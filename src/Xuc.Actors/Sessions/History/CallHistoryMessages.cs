using Newtonsoft.Json;
using Xuc.Actors.History;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.History;

/// <summary>
/// One call of a <c>CallHistory</c> / <c>CallHistoryByDays</c> answer: the reference's five fields (start, duration,
/// srcNum, dstNum, status) and what the store also keeps. Times are the server's local time,
/// <c>yyyy-MM-dd HH:mm:ss</c> as in the reference; <c>duration</c> runs from start to end (to now while ongoing);
/// <c>answer</c>, <c>queue</c> and <c>agentId</c> are null when there is none.
/// </summary>
public sealed record CallHistoryEntry(
    [property: JsonProperty("start")] string Start,
    [property: JsonProperty("answer")] string? Answer,
    [property: JsonProperty("duration")] string Duration,
    [property: JsonProperty("srcNum")] string SrcNum,
    [property: JsonProperty("srcName")] string SrcName,
    [property: JsonProperty("dstNum")] string DstNum,
    [property: JsonProperty("dstName")] string DstName,
    [property: JsonProperty("queue")] string? Queue,
    [property: JsonProperty("agentId")] int? AgentId,
    [property: JsonProperty("status")] string Status)
{
    public static CallHistoryEntry Of(CallRecord r, DateTimeOffset now) => new(
        Time(r.Start), r.Answer is { } a ? Time(a) : null, Elapsed((r.End ?? now) - r.Start),
        r.SrcNum, r.SrcName, r.DstNum, r.DstName, r.Queue, int.TryParse(r.AgentId, out var agent) ? agent : null, r.Status);

    public static string Time(DateTimeOffset t) => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public static string Elapsed(TimeSpan d)
    {
        var s = Math.Max(0, (long)d.TotalSeconds);
        return $"{s / 3600:00}:{s / 60 % 60:00}:{s % 60:00}";
    }
}

/// <summary><c>{"msgType":"CallHistory"|"CallHistoryByDays","ctiMessage":[calls, newest first]}</c>.</summary>
public sealed record CallHistoryMessage([property: JsonIgnore] string MsgType, [property: JsonIgnore] IReadOnlyList<CallHistoryEntry> Calls) : ICtiMessage
{
    public const string History = "CallHistory";
    public const string ByDays = "CallHistoryByDays";

    [JsonIgnore] public object CtiMessage => Calls;
}
