using Xuc.Actors.Ami;
using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.History;

/// <summary>A write the history store must make: a row to upsert, or (a ring that was answered elsewhere) to delete.</summary>
public sealed record HistoryWrite(CallRecord Record, bool Delete = false);

/// <summary>
/// Folds the AMI event stream into call-history rows (docs/cti-websocket.md, "Call history"). A call is Asterisk's
/// <c>Linkedid</c>; each line (device) and each queue it reaches is a party with its own row:
/// <list type="bullet">
/// <item>a line whose first channel started the call (<c>Uniqueid == Linkedid</c>) is <c>emitted</c>; another line is
/// <c>answered</c> once one of its channels entered a bridge, else <c>missed</c>; a ring cancelled because another phone
/// answered (Hangup cause 26) leaves no row;</item>
/// <item>a queue (QueueCallerJoin) is <c>answered</c> at AgentConnect; otherwise the outcome app_queue set in
/// <c>QUEUESTATUS</c> (timeout, full, joinempty, leaveempty), or the XiVO/Wazo dialplan in <c>XIVO_QUEUELOG_EVENT</c> /
/// <c>XIVO_DIVERT_EVENT</c> (closed, divert_ca_ratio, divert_waittime); a caller who leaves otherwise (QueueCallerAbandon,
/// a hang-up while waiting) is <c>abandoned</c>. A call that never joined (joinempty, full, closed, diverted) gets its
/// queue from the dialplan step that ran <c>Queue</c> (Newexten) or from <c>XIVO_QUEUENAME</c>.</item>
/// </list>
/// A row is written <c>ongoing</c> when its party appears (and again when it is answered), and final when its party's
/// last channel hangs up (a queue: when the caller leaves it with an outcome, AgentComplete, or the caller hangs up).
/// </summary>
public sealed class CallTracker
{
    private readonly Dictionary<string, Call> _calls = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _agentOf;

    /// <param name="agentOf">The agent logged on a member interface, or null.</param>
    public CallTracker(Func<string, string?> agentOf) => _agentOf = agentOf;

    /// <summary>Calls followed now (for tests and diagnostics).</summary>
    public int CallCount => _calls.Count;

    public IReadOnlyList<HistoryWrite> On(AmiEventData e, DateTimeOffset now)
    {
        var linkedid = e["Linkedid"];
        var uniqueid = e["Uniqueid"];
        if (string.IsNullOrEmpty(linkedid) || string.IsNullOrEmpty(uniqueid)) return [];
        var writes = new List<HistoryWrite>();
        if (e.Name == "Newchannel")
        {
            OnNewChannel(e, linkedid, uniqueid, now, writes);
            return writes;
        }
        if (!_calls.TryGetValue(linkedid, out var call) || !call.Channels.TryGetValue(uniqueid, out var chan)) return [];
        switch (e.Name)
        {
            case "BridgeEnter":
                if (chan.Party is { } lp && lp.Answer is null)
                {
                    lp.Answer = now;
                    if (lp.Outgoing) lp.DstName = Known(e["ConnectedLineName"]) ?? lp.DstName;
                    writes.Add(lp.Write());
                }
                break;
            case "Newexten" when string.Equals(e["Application"], "Queue", StringComparison.OrdinalIgnoreCase):
                chan.PendingQueue = (e["AppData"] ?? "").Split(',')[0].Trim() is { Length: > 0 } q ? q : chan.PendingQueue;
                break;
            case "VarSet":
                OnVariable(call, chan, e["Variable"] ?? "", e["Value"] ?? "", now, writes);
                break;
            case "QueueCallerJoin" when e["Queue"] is { Length: > 0 } queue:
                // Sent on to another queue (an overflow) without an outcome: the first one ends where the caller left it.
                if (chan.Queue is { Closed: false, Answer: null } previous) writes.Add(previous.Close(previous.Left ?? now, previous.Outcome ?? CallStatus.Abandoned));
                var qp = new Party(CallRecord.QueueParty(queue), now)
                {
                    SrcNum = Known(e["CallerIDNum"]) ?? "", SrcName = Known(e["CallerIDName"]) ?? "",
                    DstNum = e["Exten"] ?? "", Queue = queue, Call = call.Id,
                };
                call.Parties[qp.Key] = qp;
                chan.Queue = qp;
                writes.Add(qp.Write());
                break;
            case "AgentConnect" when chan.Queue is { Closed: false } joined:
                joined.Answer = now;
                joined.DstName = e["MemberName"] ?? "";
                joined.AgentId = (e["Interface"] is { } i ? _agentOf(i) : null) ?? (e["StateInterface"] is { } s ? _agentOf(s) : null);
                writes.Add(joined.Write());
                break;
            case "AgentComplete" when chan.Queue is { Closed: false } done:
                writes.Add(done.Close(now, CallStatus.Answered));
                break;
            case "QueueCallerAbandon" when chan.Queue is { Closed: false, Answer: null } abandoned:
                abandoned.Left = now;
                abandoned.Outcome ??= CallStatus.Abandoned;
                break;
            case "QueueCallerLeave" when chan.Queue is { Closed: false, Answer: null } left:
                left.Left ??= now;
                break;
            case "Hangup":
                OnHangup(call, chan, e["Cause"], now, writes);
                break;
        }
        return writes;
    }

    /// <summary>
    /// After an AMI (re)connection: the channels the PBX still has (CoreShowChannels). A channel followed here that is
    /// gone hung up while the link was down: its parties end now, as at a Hangup.
    /// </summary>
    public IReadOnlyList<HistoryWrite> Reconcile(IReadOnlyCollection<string> aliveUniqueids, DateTimeOffset now)
    {
        var alive = aliveUniqueids as IReadOnlySet<string> ?? aliveUniqueids.ToHashSet(StringComparer.Ordinal);
        var gone = _calls.Values.SelectMany(c => c.Channels.Where(kv => !alive.Contains(kv.Key)).Select(kv => (Call: c, Chan: kv.Value))).ToList();
        var writes = new List<HistoryWrite>();
        foreach (var (call, chan) in gone) OnHangup(call, chan, null, now, writes);
        return writes;
    }

    private void OnNewChannel(AmiEventData e, string linkedid, string uniqueid, DateTimeOffset now, List<HistoryWrite> writes)
    {
        var name = e["Channel"] ?? "";
        var num = Known(e["CallerIDNum"]) ?? "";
        var callerName = Known(e["CallerIDName"]) ?? "";
        if (!_calls.TryGetValue(linkedid, out var call))
            _calls[linkedid] = call = new Call(linkedid, num, callerName);
        var chan = new Chan();
        call.Channels[uniqueid] = chan;
        if (DeviceName.FromChannel(name) is not { } device) return;
        var key = CallRecord.LineParty(device);
        if (!call.Parties.TryGetValue(key, out var party))
        {
            var outgoing = uniqueid == linkedid;
            party = new Party(key, now)
            {
                Outgoing = outgoing, Line = device, Call = call.Id,
                SrcNum = outgoing ? num : call.OriginNum, SrcName = outgoing ? callerName : call.OriginName,
                DstNum = outgoing ? e["Exten"] ?? "" : num, DstName = outgoing ? "" : callerName,
            };
            call.Parties[key] = party;
            writes.Add(party.Write());
        }
        party.OpenChannels++;
        chan.Party = party;
    }

    private static void OnVariable(Call call, Chan chan, string variable, string value, DateTimeOffset now, List<HistoryWrite> writes)
    {
        switch (variable.ToUpperInvariant())
        {
            case "XIVO_QUEUENAME" or "WAZO_QUEUENAME" when value.Length > 0:
                chan.PendingQueue = value;
                return;
            case "QUEUESTATUS" or "XIVO_QUEUELOG_EVENT" or "WAZO_QUEUELOG_EVENT" or "XIVO_DIVERT_EVENT" or "WAZO_DIVERT_EVENT":
                break;
            default:
                return;
        }
        if (CallStatus.OfQueueResult(value) is not { } outcome) return;
        if (chan.Queue is { Closed: false, Answer: null } joined)
        {
            joined.Outcome = outcome;
            if (joined.Left is { } left) writes.Add(joined.Close(left, outcome));
            return;
        }
        if (chan.Queue is { Closed: false }) return;
        // Never joined (or a new attempt after leaving): the queue the dialplan was about to enter.
        if (chan.PendingQueue is not { } queue) return;
        var key = CallRecord.QueueParty(queue);
        if (call.Parties.TryGetValue(key, out var earlier) && !earlier.Closed) return;
        var origin = chan.Party;
        var party = new Party(key, now)
        {
            Queue = queue, Call = call.Id,
            SrcNum = origin?.Outgoing == true ? origin.SrcNum : call.OriginNum,
            SrcName = origin?.Outgoing == true ? origin.SrcName : call.OriginName,
            DstNum = chan.Party?.Outgoing == true ? chan.Party.DstNum : "",
        };
        call.Parties[key] = party;
        chan.PendingQueue = null;
        writes.Add(party.Close(now, outcome));
    }

    private void OnHangup(Call call, Chan chan, string? cause, DateTimeOffset now, List<HistoryWrite> writes)
    {
        if (chan.Queue is { Closed: false } queue)
            writes.Add(queue.Close(queue.Answer is null ? queue.Left ?? now : now,
                queue.Answer is not null ? CallStatus.Answered : queue.Outcome ?? CallStatus.Abandoned));
        if (chan.Party is { } party && --party.OpenChannels == 0 && !party.Closed)
        {
            if (!party.Outgoing && party.Answer is null && cause == "26")
            {
                party.Closed = true;
                writes.Add(new HistoryWrite(party.Record(CallStatus.Missed), Delete: true));
            }
            else
                writes.Add(party.Close(now, party.Outgoing ? CallStatus.Emitted : party.Answer is null ? CallStatus.Missed : CallStatus.Answered));
        }
        call.Channels.Remove(call.Channels.First(kv => kv.Value == chan).Key);
        if (call.Channels.Count == 0) _calls.Remove(call.Id);
    }

    private static string? Known(string? value) => string.IsNullOrEmpty(value) || value == "<unknown>" ? null : value;

    private sealed class Call(string id, string originNum, string originName)
    {
        public string Id { get; } = id;
        public string OriginNum { get; } = originNum;
        public string OriginName { get; } = originName;
        public Dictionary<string, Chan> Channels { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Party> Parties { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class Chan
    {
        public Party? Party { get; set; }
        public Party? Queue { get; set; }
        public string? PendingQueue { get; set; }
    }

    private sealed class Party(string key, DateTimeOffset start)
    {
        public string Key { get; } = key;
        public DateTimeOffset Start { get; } = start;
        public required string Call { get; init; }
        public bool Outgoing { get; init; }
        public string? Line { get; init; }
        public string? Queue { get; init; }
        public string SrcNum { get; init; } = "";
        public string SrcName { get; init; } = "";
        public string DstNum { get; set; } = "";
        public string DstName { get; set; } = "";
        public string? AgentId { get; set; }
        public DateTimeOffset? Answer { get; set; }
        public DateTimeOffset? Left { get; set; }
        public string? Outcome { get; set; }
        public int OpenChannels { get; set; }
        public bool Closed { get; set; }

        public CallRecord Record(string status, DateTimeOffset? end = null)
            => new(Call, Key, Start, Answer, end, SrcNum, SrcName, DstNum, DstName, Line, Queue, AgentId, status);

        public HistoryWrite Write() => new(Record(CallStatus.Ongoing));

        public HistoryWrite Close(DateTimeOffset end, string status)
        {
            Closed = true;
            return new HistoryWrite(Record(status, end));
        }
    }
}
