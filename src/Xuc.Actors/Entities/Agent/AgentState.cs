using Xuc.Actors.Messages.Events;
using Xuc.Actors.Entities.Line;
using AgentConfig = Xuc.Actors.Configuration.Model.Agent;

namespace Xuc.Actors.Entities.Agent;

/// <summary>What an agent is doing, in the words of AgentStateEvent.</summary>
public enum AgentStatus { LoggedOut, Ready, Paused, Ringing, OnCall, Wrapup, Dialing }

/// <summary>One queue the PBX has the agent in, and the member interface it rings (<c>Local/1001@agents/n</c>).</summary>
public sealed record AgentMembership(string Queue, int QueueId, string Interface);

/// <summary>The queue call an agent is on: where it came from, for AgentOnCall.</summary>
/// <param name="Internal">The caller is one of the configured lines.</param>
public sealed record AgentCall(string Queue, string CallerNumber, string Channel, bool Internal = false);

/// <summary>
/// A channel on the agent's own line. <paramref name="Acd"/>: it carries a queue call (followed by the queue events);
/// the others are his own calls (acd false): dialing out, or talking. <paramref name="Down"/>: not rung yet;
/// <paramref name="Requested"/>: app_dial / app_queue dialled it; <paramref name="Originated"/>: an Originate rang his
/// phone for his own outgoing call, in conversation once <paramref name="PeerAnswered"/> (<see cref="OriginateLegs"/>).
/// </summary>
public sealed record AgentOwnChannel(string UniqueId, bool Outbound, bool Up, bool Acd, string OtherNumber, bool Internal, string Channel = "", string Linkedid = "",
    bool Down = false, bool Requested = false, bool Originated = false, bool PeerAnswered = false)
{
    /// <summary>Talking: up, and for an Originate's leg the destination answered too (an application's originate, none to wait for).</summary>
    public bool InConversation => Up && (!Originated || PeerAnswered || OtherNumber.Length == 0);
}

/// <summary>
/// A recording (app_mixmonitor) of one of the agent's calls, as the PBX reported it: on his own channel or on another
/// channel of the same call (<paramref name="Linkedid"/>), e.g. the caller's when app_queue records the queue call.
/// </summary>
public sealed record AgentRecording(string Channel, string Linkedid, bool Paused);

/// <summary>
/// An agent's state. Login, queues and pause are persisted facts (<see cref="Apply(IAgentEvent)"/>), recorded as the
/// PBX reports them (<see cref="AgentDerivation"/>); ringing / on call / wrap-up follow the PBX and are rebuilt from
/// AMI after a restart.
/// </summary>
public sealed record AgentState(
    string AgentId,
    bool LoggedIn,
    string? PhoneNumber,
    string? Interface,
    bool Paused,
    string? PauseReason,
    AgentStatus CallStatus,
    DateTimeOffset Since) : Persistence.IPersisted
{
    public static AgentState Empty(string agentId) =>
        new(agentId, false, null, null, false, null, AgentStatus.LoggedOut, DateTimeOffset.MinValue);

    /// <summary>
    /// The agent as configured (number, names, group, default queues). The entity attaches it to what it answers
    /// and publishes; it is not part of the persisted facts, so it always comes from the configuration of the day.
    /// </summary>
    public AgentConfig? Config { get; init; }

    /// <summary>The queues the PBX has the agent in, in the order it joined them.</summary>
    public IReadOnlyList<AgentMembership> Memberships { get; init; } = [];

    /// <summary>The queue call being rung or talked on (null otherwise).</summary>
    public AgentCall? Call { get; init; }

    /// <summary>The channels on his line (queue calls' and his own).</summary>
    public IReadOnlyList<AgentOwnChannel> Channels { get; init; } = [];

    /// <summary>The recordings of his calls (MixMonitorStart / Stop / Mute); forgotten when his channels of that call end.</summary>
    public IReadOnlyList<AgentRecording> Recordings { get; init; } = [];

    /// <summary>The recording of the call he is talking on: true paused, false recording, null none.</summary>
    public bool? MonitorPaused => TalkingRecording?.Paused;

    /// <summary>The channel of his line that is talking (a queue call's or his own), for the recording commands.</summary>
    public string? TalkingChannel => Talking?.Channel;

    private AgentOwnChannel? Talking => Channels.FirstOrDefault(c => c.Up && c.Channel.Length > 0);

    /// <summary>The recording of the call he is talking on: on his channel, or on another channel of that call.</summary>
    public AgentRecording? TalkingRecording => Talking is { } t
        ? Recordings.FirstOrDefault(r => r.Channel == t.Channel) ?? Recordings.FirstOrDefault(r => t.Linkedid.Length > 0 && r.Linkedid == t.Linkedid)
        : null;

    /// <summary>A call ringing his phone that no queue brought (someone calls his line directly).</summary>
    /// <remarks>Rung once app_dial asked for it (DialBegin) or it rings; a channel still Down that nobody asked for may be an Originate's leg.</remarks>
    public AgentOwnChannel? OwnRinging => Channels.FirstOrDefault(c => !c.Acd && !c.Up && !c.Outbound && (!c.Down || c.Requested));

    /// <summary>His own call (not a queue's) that is up, else one he is dialing out on.</summary>
    public AgentOwnChannel? OwnCall => Channels.FirstOrDefault(c => !c.Acd && c.InConversation) ?? Channels.FirstOrDefault(c => !c.Acd && c.Outbound);

    /// <summary>
    /// The status a client sees: logged out; a queue call's ringing, talking or wrap-up; his own call (talking, or
    /// dialing out, or ringing his phone); paused; ready.
    /// </summary>
    public AgentStatus Status => !LoggedIn ? AgentStatus.LoggedOut
        : CallStatus is AgentStatus.Ringing or AgentStatus.OnCall or AgentStatus.Wrapup ? CallStatus
        : OwnCall is { InConversation: true } ? AgentStatus.OnCall
        : OwnCall is not null ? AgentStatus.Dialing
        : OwnRinging is not null ? AgentStatus.Ringing
        : Paused ? AgentStatus.Paused : AgentStatus.Ready;

    public AgentState Apply(IAgentEvent e) => e switch
    {
        AgentLoggedIn i => this with
        {
            LoggedIn = true, PhoneNumber = i.PhoneNumber, Interface = i.Interface, Paused = false, PauseReason = null,
            CallStatus = AgentStatus.Ready, Since = i.At, Memberships = [], Call = null,
        },
        // The phone he was on stays known: AgentLoggedOut names it.
        AgentLoggedOut o => Empty(AgentId) with { Since = o.At, PhoneNumber = PhoneNumber },
        AgentPaused p => this with { Paused = true, PauseReason = p.Reason, Since = p.At },
        AgentUnpaused u => this with { Paused = false, PauseReason = null, Since = u.At },
        AgentQueueJoined j => this with
        {
            Memberships = Memberships.Where(m => m.Queue != j.Queue).Append(new AgentMembership(j.Queue, j.QueueId, j.MemberInterface)).ToArray(),
        },
        AgentQueueLeft l => this with { Memberships = Memberships.Where(m => m.Queue != l.Queue).ToArray() },
        _ => this,
    };

    /// <summary>Call progress from app_queue events on the agent's interface, and the channels of his line.</summary>
    /// <param name="wrapUpSeconds">The wrap-up time of the queue the event names: AgentComplete starts a wrap-up that long (none at 0).</param>
    /// <param name="isLine">Whether a number is one of the configured lines (an internal call).</param>
    public AgentState Apply(AmiEventData e, DateTimeOffset now, int wrapUpSeconds = 0, Func<string, bool>? isLine = null)
    {
        if (!LoggedIn) return this;
        var next = e.Name switch
        {
            "AgentCalled" => AgentStatus.Ringing,
            "AgentConnect" => AgentStatus.OnCall,
            "AgentRingNoAnswer" => CallStatus == AgentStatus.Ringing ? AgentStatus.Ready : CallStatus,
            "AgentComplete" => wrapUpSeconds > 0 ? AgentStatus.Wrapup : AgentStatus.Ready,
            "AgentDump" => AgentStatus.Ready,
            _ => CallStatus,
        };
        var state = this;
        if (next != CallStatus)
        {
            var caller = e["CallerIDNum"] ?? "";
            var call = next is AgentStatus.Ringing or AgentStatus.OnCall
                ? new AgentCall(e["Queue"] ?? "", caller, e["Channel"] ?? "", isLine?.Invoke(caller) ?? false)
                : null;
            state = this with { CallStatus = next, Call = call };
        }
        // The channels of his line already there when a queue rings him carry that queue call.
        if (e.Name is "AgentCalled" or "AgentConnect" && Channels.Any(c => !c.Acd))
            state = state with { Channels = Channels.Select(c => c with { Acd = true }).ToArray() };
        state = e.Name switch
        {
            "Newchannel" when e["Uniqueid"] is { } id => state with
            {
                // A channel in Ring (4) is the phone dialing out; one created Down rings it.
                Channels = Channels.Append(new AgentOwnChannel(id, e["ChannelState"] == "4", e["ChannelState"] == "6",
                    state.CallStatus is AgentStatus.Ringing or AgentStatus.OnCall or AgentStatus.Wrapup, e["Exten"] ?? "", isLine?.Invoke(e["Exten"] ?? "") ?? false,
                    e["Channel"] ?? "", e["Linkedid"] ?? "", Down: e["ChannelState"] == "0")).ToArray(),
            },
            "Newstate" when Channels.Any(c => c.UniqueId == e["Uniqueid"]) => state with
            {
                Channels = state.Channels.Select(c => c.UniqueId != e["Uniqueid"] ? c : Originating(e, c, c with
                {
                    Up = e["ChannelState"] == "6",
                    Down = e["ChannelState"] == "0",
                    // His own number as the connected line is the Originate's caller id on his own phone, not a party.
                    OtherNumber = e["ConnectedLineNum"] is { Length: > 0 } other && other != "<unknown>" && other != PhoneNumber ? other : c.OtherNumber,
                    Internal = e["ConnectedLineNum"] is { Length: > 0 } o && o != "<unknown>" && o != PhoneNumber ? isLine?.Invoke(o) ?? false : c.Internal,
                }, isLine)).ToArray(),
            },
            "DialBegin" or "DialEnd" or "BridgeEnter" when Channels.Any(c => c.UniqueId == e["Uniqueid"] || c.UniqueId == e["DestUniqueid"])
                => state with { Channels = state.Channels.Select(c => Dialled(e, c, isLine)).ToArray() },
            "Hangup" when Channels.Any(c => c.UniqueId == e["Uniqueid"]) => state.HungUp(e["Uniqueid"]!),
            "MixMonitorStart" or "MixMonitorStop" or "MixMonitorMute" => state.Recorded(e),
            _ => state,
        };
        if (ReferenceEquals(state, this)) return this;
        // A recording is the call's: forgotten when none of his channels is on that call any more.
        if (state.Recordings.Count > 0 && state.Recordings.Any(r => !state.IsHisCall(r.Channel, r.Linkedid)))
            state = state with { Recordings = state.Recordings.Where(r => state.IsHisCall(r.Channel, r.Linkedid)).ToArray() };
        return state.Status != Status || state.CallStatus != CallStatus ? state with { Since = now } : state;
    }

    /// <summary>A channel made Down that rings or answers with no application having requested it: an Originate rang his phone, his own outgoing call.</summary>
    private static AgentOwnChannel Originating(AmiEventData e, AgentOwnChannel before, AgentOwnChannel after, Func<string, bool>? isLine)
        => !before.Acd && !before.Originated && OriginateLegs.RungForOriginate(e, before.Down && !before.Outbound, before.Requested)
            ? Originated(after, OriginateLegs.Destination(e["Exten"]), isLine)
            : after;

    private static AgentOwnChannel Originated(AgentOwnChannel c, string? destination, Func<string, bool>? isLine)
        => c with
        {
            Originated = true, Outbound = true, Requested = false,
            OtherNumber = destination ?? c.OtherNumber, Internal = destination is null ? c.Internal : isLine?.Invoke(destination) ?? false,
        };

    /// <summary>The dial events of his channels: requested by app_dial / app_queue, the Originate's own dial, the destination answering.</summary>
    private static AgentOwnChannel Dialled(AmiEventData e, AgentOwnChannel c, Func<string, bool>? isLine)
    {
        if (e.Name == "DialBegin" && c.UniqueId == e["DestUniqueid"])
            return OriginateLegs.IsOriginatesOwnDial(e)
                ? c.Originated ? c : Originated(c, OriginateLegs.Destination(e["DestExten"]), isLine)
                : c with { Requested = true, Originated = false, Outbound = false };
        if (c.UniqueId != e["Uniqueid"] || !c.Originated) return c;
        if (e.Name == "DialBegin" && OriginateLegs.Destination(e["Exten"]) is { } dialled && dialled != c.OtherNumber)
            return c with { OtherNumber = dialled, Internal = isLine?.Invoke(dialled) ?? false };
        return OriginateLegs.PeerAnswered(e) ? c with { PeerAnswered = true } : c;
    }

    /// <summary>
    /// One of his line's channels ended. The last one of a queue call still ringing him ends the ringing: app_queue's
    /// hangupcalls() hangs up the members still ringing when the caller abandons or another member answers (ringall),
    /// and publishes no AgentRingNoAnswer for them (rna() runs on a ring timeout or a busy phone only).
    /// </summary>
    private AgentState HungUp(string uniqueId)
    {
        var left = Channels.Where(c => c.UniqueId != uniqueId).ToArray();
        var stopsRinging = CallStatus == AgentStatus.Ringing && Channels.Any(c => c.UniqueId == uniqueId && c.Acd) && !left.Any(c => c.Acd);
        return stopsRinging ? this with { Channels = left, CallStatus = AgentStatus.Ready, Call = null } : this with { Channels = left };
    }

    private bool IsHisCall(string channel, string linkedid) =>
        Channels.Any(c => c.Channel == channel || (linkedid.Length > 0 && c.Linkedid == linkedid));

    /// <summary>
    /// app_mixmonitor's events on a channel of one of his calls: MixMonitorStart records it (not paused), MixMonitorStop
    /// ends it, MixMonitorMute (State 1/0) pauses or resumes it (a recording started before Xuc saw it is learnt so).
    /// </summary>
    private AgentState Recorded(AmiEventData e)
    {
        if (e["Channel"] is not { } channel || !IsHisCall(channel, e["Linkedid"] ?? "")) return this;
        var others = Recordings.Where(r => r.Channel != channel);
        return e.Name switch
        {
            "MixMonitorStart" => this with { Recordings = others.Append(new AgentRecording(channel, e["Linkedid"] ?? "", false)).ToArray() },
            "MixMonitorStop" => this with { Recordings = others.ToArray() },
            _ => this with { Recordings = others.Append(new AgentRecording(channel, e["Linkedid"] ?? "", e["State"] == "1")).ToArray() },
        };
    }

    /// <summary>
    /// Our own monitorPause / monitorUnpause succeeded: the recording of his talking call is paused or resumed (its
    /// MixMonitorMute event says the same; a PBX that sends none is followed from its answer).
    /// </summary>
    public AgentState MonitorMuted(bool paused) => Talking is not { } t ? this
        : TalkingRecording is { } r ? this with { Recordings = Recordings.Select(x => x == r ? x with { Paused = paused } : x).ToArray() }
        : this with { Recordings = Recordings.Append(new AgentRecording(t.Channel, t.Linkedid, paused)).ToArray() };

    /// <summary>The queue's wrap-up time is over.</summary>
    public AgentState EndWrapUp(DateTimeOffset now) =>
        CallStatus == AgentStatus.Wrapup ? this with { CallStatus = AgentStatus.Ready, Since = now } : this;
}
