using System.Globalization;
using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Statistics;
using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Actors.Sessions.Queues;

/// <summary>The queue frames built from what the queue entities and their aggregators publish.</summary>
public static class QueueStatisticsFrames
{
    public static QueueStatistics Statistics(string queueName, QueueConfig? config, IEnumerable<QueueStat> counters)
        => new(config?.Id, config is null ? queueName : null, counters.Select(c => new QueueStatCounter(c.Name, QueueCounters.WireValue(c))).ToArray());

    /// <summary>Positions 1..n in queue order; <c>queueTime</c> in the server's local time with its offset; Asterisk's <c>&lt;unknown&gt;</c> as empty.</summary>
    public static QueueCalls Calls(int queueId, QueueSnapshot queue, TimeZoneInfo zone)
        => new(queueId, queue.Waiting.Select((w, i) => new QueueCall(i + 1, Known(w.CallerIdName), Known(w.CallerIdNum),
            TimeZoneInfo.ConvertTime(w.Since, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture))).ToArray());

    /// <summary>The window's counters; the threshold's number is in the names, as <c>15</c> is in the day's.</summary>
    public static GetQueueStatisticsAnswer Window(int queueId, QueueStatsWindow w)
    {
        var c = w.Calls;
        var x = w.Xqos.ToString(CultureInfo.InvariantCulture);
        QueueStat[] counters =
        [
            new(QueueCounters.TotalNumberCallsEntered, c.Entered),
            new(QueueCounters.TotalNumberCallsAnswered, c.Answered),
            new("TotalNumberCallsAnsweredBefore" + x, c.AnsweredWithin),
            new("PercentageAnsweredBefore" + x, QueueCounters.Percent(c.AnsweredWithin, c.Entered)),
            new(QueueCounters.TotalNumberCallsAbandonned, c.Abandoned),
            new("TotalNumberCallsAbandonnedAfter" + x, c.AbandonedAfter),
            new("PercentageAbandonnedAfter" + x, QueueCounters.Percent(c.AbandonedAfter, c.Entered)),
        ];
        return new GetQueueStatisticsAnswer(queueId, w.WindowSeconds, w.Xqos, counters.Select(s => new QueueStatCounter(s.Name, QueueCounters.WireValue(s))).ToArray());
    }

    private static string Known(string s) => s == "<unknown>" ? "" : s;
}
