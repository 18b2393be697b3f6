using System.Collections.Immutable;
using Xuc.Actors.Messages.Events;
using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Actors.Entities.Queue;

/// <summary>A caller waiting in a queue.</summary>
public sealed record WaitingCall(string UniqueId, string CallerIdNum, string CallerIdName, int Position, DateTimeOffset Since);

/// <summary>A queue member as app_queue reports it.</summary>
public sealed record QueueMemberInfo(string Interface, string Name, int Penalty, bool Paused, string PausedReason, int Status, bool InCall);

/// <summary>A queue's live picture: who waits, who answers. Folded from app_queue's AMI events.</summary>
public sealed record QueueState(
    string QueueId,
    ImmutableDictionary<string, WaitingCall> Waiting,
    ImmutableDictionary<string, QueueMemberInfo> Members,
    int Abandoned,
    int Answered)
{
    public static QueueState Empty(string queueId) => new(queueId,
        ImmutableDictionary<string, WaitingCall>.Empty, ImmutableDictionary<string, QueueMemberInfo>.Empty, 0, 0);

    /// <summary>The queue as configured (display name, number, wrap-up); null for a queue the configuration does not know.</summary>
    public QueueConfig? Config { get; init; }

    public QueueState Configure(QueueConfig? config) => config == Config ? this : this with { Config = config };

    public QueueState Apply(AmiEventData e, DateTimeOffset now)
    {
        switch (e.Name)
        {
            case "QueueCallerJoin":
            case "QueueEntry":
            {
                var uid = e["Uniqueid"];
                if (uid is null) return this;
                int.TryParse(e["Position"], out var pos);
                var since = now;
                if (e.Name == "QueueEntry" && int.TryParse(e["Wait"], out var waited)) since = now.AddSeconds(-waited);
                return this with { Waiting = Waiting.SetItem(uid, new WaitingCall(uid, e["CallerIDNum"] ?? "", e["CallerIDName"] ?? "", pos, since)) };
            }
            case "QueueCallerLeave":
                return e["Uniqueid"] is { } left ? this with { Waiting = Waiting.Remove(left) } : this;
            case "QueueCallerAbandon":
                return e["Uniqueid"] is { } gone ? this with { Waiting = Waiting.Remove(gone), Abandoned = Abandoned + 1 } : this;
            case "AgentConnect":
                return this with { Answered = Answered + 1 };
            case "QueueMemberAdded":
            case "QueueMember":
            case "QueueMemberStatus":
            case "QueueMemberPause":
            case "QueueMemberPenalty":
            {
                var iface = e["Interface"] ?? e["Location"] ?? e["StateInterface"];
                if (iface is null) return this;
                var before = Members.GetValueOrDefault(iface);
                var member = new QueueMemberInfo(
                    iface,
                    e["MemberName"] ?? e["Name"] ?? before?.Name ?? iface,
                    Int(e["Penalty"]) ?? before?.Penalty ?? 0,
                    e["Paused"] is { } p ? p == "1" : before?.Paused ?? false,
                    e["PausedReason"] ?? e["Reason"] ?? before?.PausedReason ?? "",
                    Int(e["Status"]) ?? before?.Status ?? 0,
                    e["InCall"] is { } ic ? ic == "1" : before?.InCall ?? false);
                if (e.Name != "QueueMemberAdded" && e.Name != "QueueMember" && before is null) return this;
                return this with { Members = Members.SetItem(iface, member) };
            }
            case "QueueMemberRemoved":
                return (e["Interface"] ?? e["Location"]) is { } removed ? this with { Members = Members.Remove(removed) } : this;
            default:
                return this;
        }
    }

    /// <summary>Keeps only the callers and members the PBX still lists after a resync.</summary>
    public QueueState Reconcile(IReadOnlyCollection<string> waiting, IReadOnlyCollection<string> members)
    {
        var goneCallers = Waiting.Keys.Where(k => !waiting.Contains(k)).ToList();
        var goneMembers = Members.Keys.Where(k => !members.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        return goneCallers.Count == 0 && goneMembers.Count == 0
            ? this
            : this with { Waiting = Waiting.RemoveRange(goneCallers), Members = Members.RemoveRange(goneMembers) };
    }

    private static int? Int(string? s) => int.TryParse(s, out var v) ? v : null;
}
