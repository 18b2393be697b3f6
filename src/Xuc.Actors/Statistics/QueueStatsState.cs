using System.Collections.Immutable;

namespace Xuc.Actors.Statistics;

/// <summary>What a queue's aggregator counts by: the service level threshold, the local time zone, the window it keeps.</summary>
public sealed record QueueStatsRules(int ThresholdSeconds, TimeZoneInfo Zone, TimeSpan MaxWindow)
{
    public LocalDays Days => new(Zone);

    public DateOnly DayOf(DateTimeOffset at) => Days.DayOf(at);

    /// <summary>The next local midnight after <paramref name="now"/>.</summary>
    public DateTimeOffset NextMidnight(DateTimeOffset now) => Days.NextMidnight(now);
}

/// <summary>A call's outcome as a sliding window counts it.</summary>
public enum CallStep { Entered, Answered, Abandoned }

public sealed record CallOutcome(CallStep Step, DateTimeOffset At, int HoldSeconds);

/// <summary>The counters of one local day.</summary>
public sealed record DayCounters(int Entered, int Answered, int AnsweredWithin, int Abandoned, int AbandonedAfter)
{
    public static readonly DayCounters Zero = new(0, 0, 0, 0, 0);
}

/// <summary>
/// A queue's statistics as its journal folds them: the day's counters (reset when a fact of a later local day comes),
/// app_queue's average hold time (the EWT), who waits, and the recent calls a sliding window is counted over.
/// </summary>
public sealed record QueueStatsState(
    DateOnly Day,
    DayCounters Counters,
    int HoldTime,
    ImmutableDictionary<string, DateTimeOffset> Waiting,
    ImmutableList<CallOutcome> Recent)
{
    public static readonly QueueStatsState Empty = new(DateOnly.MinValue, DayCounters.Zero, 0,
        ImmutableDictionary<string, DateTimeOffset>.Empty.WithComparers(StringComparer.Ordinal), ImmutableList<CallOutcome>.Empty);

    /// <summary>The counters of <paramref name="day"/>: zero when the journal has nothing of that day yet.</summary>
    public DayCounters CountersOf(DateOnly day) => day == Day ? Counters : DayCounters.Zero;

    public QueueStatsState Apply(IQueueCallFact fact, QueueStatsRules rules)
    {
        var day = rules.DayOf(fact.At);
        var s = day > Day ? this with { Day = day, Counters = DayCounters.Zero } : this;
        var today = day == s.Day;
        var c = s.Counters;
        switch (fact)
        {
            case QueueCallEntered e:
                s = s with { Waiting = s.Waiting.SetItem(e.UniqueId, e.At), Recent = s.Keep(new CallOutcome(CallStep.Entered, e.At, 0), rules) };
                if (today) s = s with { Counters = c with { Entered = c.Entered + 1 } };
                break;
            case QueueCallAnswered a:
                // app_queue.c recalc_holdtime: an exponential average, the old value weighing 3/4.
                s = s with
                {
                    Waiting = s.Waiting.Remove(a.UniqueId),
                    HoldTime = ((s.HoldTime << 2) - s.HoldTime + a.HoldSeconds) >> 2,
                    Recent = s.Keep(new CallOutcome(CallStep.Answered, a.At, a.HoldSeconds), rules),
                };
                if (today)
                    s = s with { Counters = c with { Answered = c.Answered + 1, AnsweredWithin = c.AnsweredWithin + (a.HoldSeconds <= rules.ThresholdSeconds ? 1 : 0) } };
                break;
            case QueueCallAbandoned b:
                s = s with { Waiting = s.Waiting.Remove(b.UniqueId), Recent = s.Keep(new CallOutcome(CallStep.Abandoned, b.At, b.HoldSeconds), rules) };
                if (today)
                    s = s with { Counters = c with { Abandoned = c.Abandoned + 1, AbandonedAfter = c.AbandonedAfter + (b.HoldSeconds > rules.ThresholdSeconds ? 1 : 0) } };
                break;
            case QueueCallLeft l:
                s = s with { Waiting = s.Waiting.Remove(l.UniqueId) };
                break;
        }
        return s;
    }

    /// <summary>The recent calls with this one, without those older than the longest window.</summary>
    private ImmutableList<CallOutcome> Keep(CallOutcome outcome, QueueStatsRules rules)
    {
        var since = outcome.At - rules.MaxWindow;
        var old = 0;
        while (old < Recent.Count && Recent[old].At < since) old++;
        return (old == 0 ? Recent : Recent.RemoveRange(0, old)).Add(outcome);
    }

    /// <summary>The calls of the last <paramref name="window"/> before <paramref name="now"/>, against the <paramref name="xqos"/> threshold.</summary>
    public DayCounters Window(DateTimeOffset now, TimeSpan window, int xqos)
    {
        var since = now - window;
        int entered = 0, answered = 0, within = 0, abandoned = 0, after = 0;
        foreach (var o in Recent)
        {
            if (o.At <= since || o.At > now) continue;
            switch (o.Step)
            {
                case CallStep.Entered: entered++; break;
                case CallStep.Answered: answered++; if (o.HoldSeconds <= xqos) within++; break;
                case CallStep.Abandoned: abandoned++; if (o.HoldSeconds > xqos) after++; break;
            }
        }
        return new DayCounters(entered, answered, within, abandoned, after);
    }

    /// <summary>The state as a snapshot stores it (plain arrays: immutable collections do not survive the JSON serializer).</summary>
    public QueueStatsMemento ToMemento() => new(Day, Counters, HoldTime,
        Waiting.Select(w => new WaitingSince(w.Key, w.Value)).OrderBy(w => w.Since).ToArray(), Recent.ToArray());

    public static QueueStatsState From(QueueStatsMemento m) => Empty with
    {
        Day = m.Day,
        Counters = m.Counters,
        HoldTime = m.HoldTime,
        Waiting = Empty.Waiting.SetItems(m.Waiting.Select(w => KeyValuePair.Create(w.UniqueId, w.Since))),
        Recent = ImmutableList.CreateRange(m.Recent),
    };
}

public sealed record WaitingSince(string UniqueId, DateTimeOffset Since);

/// <summary>A <see cref="QueueStatsState"/> in the snapshot store.</summary>
public sealed record QueueStatsMemento(DateOnly Day, DayCounters Counters, int HoldTime, WaitingSince[] Waiting, CallOutcome[] Recent) : Persistence.IPersisted;
