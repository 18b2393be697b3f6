using Akka.Actor;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;

namespace Xuc.Actors.Ami;

/// <summary>
/// The Originates a requester watches (<see cref="PbxRequest.Watcher"/>), followed through the PBX's events until the
/// call they place is answered or fails: <c>OriginateResponse</c> (same ActionID) Failure, or the leg it rang hanging up
/// with a cause before the party it dials answered (<see cref="OriginateLegs.PeerAnswered"/>). The watch may be
/// registered after the PBX's events (the answer and the events race to the connection actor), so what is seen first
/// waits for it. Entries end with the call's outcome, or after <see cref="Keep"/>.
/// </summary>
public sealed class OriginateOutcomes
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);

    private sealed class Entry(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;
        public IActorRef? Watcher { get; set; }
        public string Action { get; set; } = "Originate";
        public PbxCallFailed? Failure { get; set; }
    }

    private readonly Dictionary<string, Entry> _byActionId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _actionIdOfLeg = new(StringComparer.Ordinal);

    /// <summary>The events the watch reads (the others need not reach it).</summary>
    public static bool Concerns(AmiEventData e) => e.Name is "OriginateResponse" or "Hangup" or "DialEnd" or "BridgeEnter";

    public int Count => _byActionId.Count;

    /// <summary>The requester of the Originate answered with <paramref name="actionId"/> watches it; a failure seen already is told now.</summary>
    public void Watch(string actionId, IActorRef watcher, DateTimeOffset now)
    {
        Sweep(now);
        var entry = EntryOf(actionId, now);
        entry.Watcher = watcher;
        Deliver(actionId, entry);
    }

    public void Observe(AmiEventData e, DateTimeOffset now)
    {
        switch (e.Name)
        {
            case "OriginateResponse" when e["ActionID"] is { } id:
            {
                Sweep(now);
                var entry = EntryOf(id, now);
                var leg = e["Channel"] ?? "";
                if (e["Response"] == "Success" && e["Uniqueid"] is { } uid && uid != "<unknown>") _actionIdOfLeg[uid] = id;
                else entry.Failure = new PbxCallFailed(entry.Action, id, leg, OriginateReason(e["Reason"]));
                Deliver(id, entry);
                break;
            }
            case "Hangup" when e["Uniqueid"] is { } uid && _actionIdOfLeg.Remove(uid, out var id):
            {
                // The user hanging up himself (normal clearing) is no failure.
                if (e["Cause"] is "16" || !_byActionId.TryGetValue(id, out var entry)) { _byActionId.Remove(id); break; }
                var cause = e["Cause-txt"] is { Length: > 0 } text ? $"{text} (cause {e["Cause"]})" : $"cause {e["Cause"]}";
                entry.Failure = new PbxCallFailed(entry.Action, id, e["Channel"] ?? "", $"hung up before the call was answered: {cause}");
                Deliver(id, entry);
                break;
            }
            case "DialEnd" or "BridgeEnter" when e["Uniqueid"] is { } uid && OriginateLegs.PeerAnswered(e) && _actionIdOfLeg.Remove(uid, out var id):
                _byActionId.Remove(id);
                break;
        }
    }

    private Entry EntryOf(string actionId, DateTimeOffset now)
    {
        if (!_byActionId.TryGetValue(actionId, out var entry)) _byActionId[actionId] = entry = new Entry(now);
        return entry;
    }

    private void Deliver(string actionId, Entry entry)
    {
        if (entry.Watcher is not { } watcher || entry.Failure is not { } failure) return;
        watcher.Tell(failure);
        _byActionId.Remove(actionId);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, entry) in _byActionId.Where(kv => now - kv.Value.At > Keep).ToList())
        {
            _byActionId.Remove(id);
            foreach (var leg in _actionIdOfLeg.Where(kv => kv.Value == id).Select(kv => kv.Key).ToList()) _actionIdOfLeg.Remove(leg);
        }
    }

    /// <summary>OriginateResponse's <c>Reason</c>: the last control frame of the ringing leg (Asterisk's AST_CONTROL_*).</summary>
    private static string OriginateReason(string? reason) => reason switch
    {
        "0" => "could not be reached (reason 0: no such device, or unreachable)",
        "1" => "hung up (reason 1)",
        "3" => "did not answer (reason 3: ring timeout)",
        "5" => "is busy or declined (reason 5)",
        "8" => "met a congested network (reason 8)",
        _ => $"failed (reason {reason})",
    };
}
