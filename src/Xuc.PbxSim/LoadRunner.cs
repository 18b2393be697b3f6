using Xuc.PbxSim.Model;

namespace Xuc.PbxSim;

/// <summary>Outcome counts of a load run: the calls placed, and what the queue did with them (its Completed and Abandoned counters).</summary>
public sealed record LoadResult(int Calls, int Answered, int Abandoned, int Failed);

/// <summary>
/// "N calls per second into queue Q for T seconds, with answer and abandon ratios": external callers join the queue;
/// members answer (answer ratio) after a short ring and hang up after a talk time; some callers give up (abandon ratio).
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(PbxModel model, string queue, double callsPerSecond, TimeSpan duration,
        double answerRatio, double abandonRatio, TimeSpan talkTime, CancellationToken ct = default, int seed = 1)
    {
        var random = new Random(seed);
        var target = model.Queues.FirstOrDefault(q => q.Name.Equals(queue, StringComparison.OrdinalIgnoreCase) || q.Number == queue);
        var (completedBefore, abandonedBefore) = model.Locked(() => (target?.Completed ?? 0, target?.Abandoned ?? 0));
        var interval = TimeSpan.FromSeconds(1 / Math.Max(0.001, callsPerSecond));
        var end = DateTime.UtcNow + duration;
        int calls = 0, failed = 0;
        model.SetAllEndpointsBehaviour(EndpointBehaviour.AutoAnswer, TimeSpan.FromMilliseconds(200));
        var pending = new List<Task>();
        var next = DateTime.UtcNow;
        while (DateTime.UtcNow < end && !ct.IsCancellationRequested)
        {
            var number = "06" + random.Next(10_000_000, 99_999_999);
            string uid;
            try { uid = model.ExternalCall(number, queue); }
            catch (SimulationException) { failed++; continue; }
            calls++;
            var roll = random.NextDouble();
            // Callers meant to abandon give up before a member can answer; the others talk (or wait) and hang up.
            if (roll < abandonRatio)
                pending.Add(HangupLater(model, uid, TimeSpan.FromMilliseconds(random.Next(50, 150)), ct));
            else if (roll < abandonRatio + answerRatio)
                pending.Add(HangupLater(model, uid, talkTime, ct));
            else
            {
                pending.Add(HangupLater(model, uid, talkTime + talkTime, ct));
            }
            next += interval;
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
        }
        await Task.WhenAll(pending);
        var (completed, abandoned) = model.Locked(() => (target?.Completed ?? 0, target?.Abandoned ?? 0));
        return new LoadResult(calls, completed - completedBefore, abandoned - abandonedBefore, failed);
    }

    private static async Task HangupLater(PbxModel model, string uniqueid, TimeSpan after, CancellationToken ct)
    {
        try { await Task.Delay(after, ct); } catch (OperationCanceledException) { }
        try { model.Hangup(uniqueid); } catch (SimulationException) { /* already gone */ }
    }
}
