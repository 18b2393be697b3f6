using System.Globalization;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Events;
using Xuc.Ami.Actions;
using Channel = Xuc.Actors.Entities.Line.Channel;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>
/// Phone commands → AMI actions, as plain functions of the user's line, its channels (the Line entity's snapshot) and,
/// for the few that need them, the PBX's channel list (CoreShowChannels items). A command acts only on the channels of
/// the user's own line; what does not fit throws <see cref="PhoneCommandRefused"/>. The decisions where the spec is
/// silent are in docs/cti-websocket.md, "Phone commands".
/// </summary>
public static class PhoneCommands
{
    public const string Dial = "dial";
    public const string DialFromMobile = "dialFromMobile";
    public const string DialFromQueue = "dialFromQueue";
    public const string DialByUsername = "dialByUsername";
    public const string Originate = "originate";
    public const string Hangup = "hangup";
    public const string Answer = "answer";
    public const string Hold = "hold";
    public const string DirectTransfer = "directTransfer";
    public const string AttendedTransfer = "attendedTransfer";
    public const string CompleteTransfer = "completeTransfer";
    public const string CancelTransfer = "cancelTransfer";
    public const string SendDtmf = "sendDtmf";
    public const string SetData = "setData";
    public const string ToggleMicrophone = "toggleMicrophone";

    /// <summary>How long the user's own phone (or mobile, or the queue) may ring before an Originate gives up (ms).</summary>
    public const string OriginateTimeoutMs = "30000";

    /// <summary>The channel variable a muted call carries, so any session of the user toggles the right way.</summary>
    public const string MutedVariable = "XUC_MICROPHONE_MUTED";

    /// <summary>The variable bridge.c sets on an attended transfer's Local target: the transferer's channel name.</summary>
    public const string AttendedTransferVariable = "ATTENDEDTRANSFER";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        Dial, DialFromMobile, DialFromQueue, DialByUsername, Originate, Hangup, Answer, Hold, DirectTransfer, AttendedTransfer,
        CompleteTransfer, CancelTransfer, SendDtmf, SetData, ToggleMicrophone,
    };

    public static bool Handles(string command) => Names.Contains(command);

    // ---- Calls placed for the user -------------------------------------------------------------------------

    /// <summary>
    /// dial / originate / dialByUsername: the user's phone is rung (it answers by itself on desk phones set for
    /// auto-answer), then calls <paramref name="destination"/> in the line's context, presenting the user.
    /// </summary>
    public static OriginateAction DialFromPhone(User user, Line line, string destination, IReadOnlyList<KeyValuePair<string, string>> variables) => new()
    {
        Channel = line.Interface,
        Exten = destination,
        Context = line.Context,
        Priority = "1",
        Timeout = OriginateTimeoutMs,
        CallerId = PhoneArguments.CallerId(FullName(user), line.Number),
        Variables = Ordered(variables),
    };

    /// <summary>dialFromMobile: the user's mobile is called first (through the dialplan, a Local channel), then the destination.</summary>
    public static OriginateAction DialFromMobilePhone(User user, Line? line, string destination, IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        if (string.IsNullOrWhiteSpace(user.MobileNumber))
            throw new PhoneCommandRefused(PhoneErrors.NoMobileNumber, $"{DialFromMobile}: {user.Login} has no mobile number");
        var context = line?.Context ?? "default";
        var mobile = new string(user.MobileNumber.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '+' or '*' or '#').ToArray());
        return new OriginateAction
        {
            Channel = $"Local/{mobile}@{context}",
            Exten = destination,
            Context = context,
            Priority = "1",
            Timeout = OriginateTimeoutMs,
            CallerId = PhoneArguments.CallerId(FullName(user), line?.Number ?? mobile),
            Variables = Ordered(variables),
        };
    }

    /// <summary>
    /// dialFromQueue: a Local channel enters the queue; when an agent takes it, it goes on to call the destination,
    /// which sees the caller id given.
    /// </summary>
    public static OriginateAction DialFromQueueMember(Queue queue, string destination, string callerIdName, string callerIdNumber,
        IReadOnlyList<KeyValuePair<string, string>> variables) => new()
    {
        Channel = $"Local/{queue.Number}@{queue.Context}",
        Exten = destination,
        Context = queue.Context,
        Priority = "1",
        Timeout = OriginateTimeoutMs,
        CallerId = callerIdName.Length == 0 && callerIdNumber.Length == 0 ? null : PhoneArguments.CallerId(callerIdName, callerIdNumber),
        Variables = Ordered(variables),
    };

    // ---- Acting on the user's calls ---------------------------------------------------------------------------

    /// <summary>hangup: the named call, else the one talking, else one being dialed, else one ringing, else one held.</summary>
    public static HangupAction HangupCall(IReadOnlyList<Channel> channels, string? uniqueId)
        => new() { Channel = Pick(Hangup, channels, uniqueId, Talking, Dialing, RingingOldest, HeldNewest).Name };

    /// <summary>answer: the phone is told to pick up (NOTIFY Event: talk); the named call or the oldest ringing one must ring.</summary>
    public static AmiAction AnswerCall(Line line, IReadOnlyList<Channel> channels, string? uniqueId)
    {
        var call = Pick(Answer, channels, uniqueId, RingingOldest);
        if (call.State != 5) throw new PhoneCommandRefused(PhoneErrors.NoSuchCall, $"{Answer}: call {call.UniqueId} is not ringing");
        return Notify(Answer, line, "talk");
    }

    /// <summary>hold: the phone toggles hold on its call (NOTIFY Event: hold); there must be an answered call.</summary>
    public static AmiAction HoldCall(Line line, IReadOnlyList<Channel> channels, string? uniqueId)
    {
        var call = Pick(Hold, channels, uniqueId, Talking, HeldNewest);
        if (call.State != 6) throw new PhoneCommandRefused(PhoneErrors.NoSuchCall, $"{Hold}: call {call.UniqueId} is not answered, there is no call to hold");
        return Notify(Hold, line, "hold");
    }

    /// <summary>directTransfer: Asterisk's blind transfer of the user's call (talking, or held) to the destination.</summary>
    public static BlindTransferAction BlindTransfer(Line line, IReadOnlyList<Channel> channels, string destination)
        => new() { Channel = Pick(DirectTransfer, channels, null, Talking, HeldNewest).Name, Exten = destination, Context = line.Context };

    /// <summary>attendedTransfer: Asterisk's attended transfer (bridge_basic.c) from the user's call (talking, or held).</summary>
    public static AtxferAction StartAttendedTransfer(Line line, IReadOnlyList<Channel> channels, string destination)
        => new() { Channel = Pick(AttendedTransfer, channels, null, Talking, HeldNewest).Name, Exten = destination, Context = line.Context };

    /// <summary>sendDtmf: the key as if pressed on the phone (PlayDTMF Receive), so it reaches the other party (an IVR).</summary>
    public static PlayDtmfAction Dtmf(IReadOnlyList<Channel> channels, string key)
        => new() { Channel = Pick(SendDtmf, channels, null, Talking).Name, Digit = key, Receive = "true" };

    /// <summary>
    /// setData: Setvar of each variable on every channel of the user's current call (the PBX channels sharing its
    /// linkedid, the user's own first), so the data stays with the call through transfers.
    /// </summary>
    public static IReadOnlyList<SetvarAction> AttachData(IReadOnlyList<Channel> channels, IReadOnlyList<AmiEventData> pbxChannels,
        IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        if (variables.Count == 0) throw new PhoneCommandRefused(Outbound.CtiErrors.InvalidArgument, $"{SetData}: 'variables' is empty");
        var call = Pick(SetData, channels, null, Talking, HeldNewest, Dialing, RingingOldest);
        var names = new List<string> { call.Name };
        names.AddRange(pbxChannels.Where(c => c["Linkedid"] == call.LinkedId && c["Channel"] is { } n && n != call.Name).Select(c => c["Channel"]!));
        return names.Distinct(StringComparer.Ordinal)
            .SelectMany(n => variables.Select(v => new SetvarAction { Channel = n, Variable = v.Key, Value = v.Value }))
            .ToList();
    }

    /// <summary>
    /// The attended transfer in progress on the user's line: one of its channels shares its bridge with a
    /// <c>Local/…;1</c> channel (bridge_basic.c's target). Returns the transferer and that target, to be confirmed
    /// by the target's <see cref="AttendedTransferVariable"/>; null when there is none.
    /// </summary>
    public static (string Transferer, string Target)? TransferInProgress(IReadOnlyList<Channel> channels, IReadOnlyList<AmiEventData> pbxChannels)
    {
        foreach (var own in channels.Where(c => c.State == 6).OrderByDescending(c => CreationOrder(c.UniqueId)))
        {
            var bridge = pbxChannels.FirstOrDefault(c => c["Channel"] == own.Name)?["BridgeId"];
            if (string.IsNullOrEmpty(bridge)) continue;
            var target = pbxChannels.FirstOrDefault(c => c["BridgeId"] == bridge && c["Channel"] is { } n
                && n.StartsWith("Local/", StringComparison.Ordinal) && n.EndsWith(";1", StringComparison.Ordinal));
            if (target is not null) return (own.Name, target["Channel"]!);
        }
        return null;
    }

    /// <summary>completeTransfer: the transferer hangs up, which completes the transfer (bridge_basic.c STIMULUS_TRANSFERER_HANGUP).</summary>
    public static HangupAction Complete(string transferer) => new() { Channel = transferer };

    /// <summary>cancelTransfer: the atxferabort code on the transferer (back to the transferee; the target is hung up).</summary>
    public static CancelAtxferAction Cancel(string transferer) => new() { Channel = transferer };

    /// <summary>The channel toggleMicrophone acts on: the named call of the user's line, answered.</summary>
    public static Channel MicrophoneCall(IReadOnlyList<Channel> channels, string uniqueId)
    {
        var call = Pick(ToggleMicrophone, channels, uniqueId);
        if (call.State != 6) throw new PhoneCommandRefused(PhoneErrors.NoSuchCall, $"{ToggleMicrophone}: call {uniqueId} is not answered");
        return call;
    }

    /// <summary>
    /// toggleMicrophone: mutes (or unmutes) what the user's phone sends (res_mutestream, direction <c>in</c>: the
    /// audio coming into the PBX from the phone), and notes the new state on the channel.
    /// </summary>
    public static IReadOnlyList<AmiAction> Microphone(string channel, bool mutedNow) =>
    [
        new MuteAudioAction { Channel = channel, Direction = "in", State = mutedNow ? "off" : "on" },
        new SetvarAction { Channel = channel, Variable = MutedVariable, Value = mutedNow ? "0" : "1" },
    ];

    // ---- Helpers -----------------------------------------------------------------------------------------------

    private static Channel? Talking(IReadOnlyList<Channel> cs) => Newest(cs.Where(c => c.State == 6 && !c.OnHold));
    private static Channel? HeldNewest(IReadOnlyList<Channel> cs) => Newest(cs.Where(c => c.State == 6 && c.OnHold));
    /// <summary>The phone's own outgoing call before it is answered (Ring, Dialing, OffHook…).</summary>
    private static Channel? Dialing(IReadOnlyList<Channel> cs) => Newest(cs.Where(c => c.State is > 0 and < 5));
    private static Channel? RingingOldest(IReadOnlyList<Channel> cs) => cs.Where(c => c.State == 5).OrderBy(c => CreationOrder(c.UniqueId)).FirstOrDefault();

    private static Channel? Newest(IEnumerable<Channel> cs) => cs.OrderByDescending(c => CreationOrder(c.UniqueId)).FirstOrDefault();

    /// <summary>The named call of the line, else the first the choosers find; refused when there is none.</summary>
    private static Channel Pick(string command, IReadOnlyList<Channel> channels, string? uniqueId, params Func<IReadOnlyList<Channel>, Channel?>[] choosers)
    {
        if (uniqueId is not null)
            return channels.FirstOrDefault(c => c.UniqueId == uniqueId)
                   ?? throw new PhoneCommandRefused(PhoneErrors.NoSuchCall, $"{command}: no call {uniqueId} on your line");
        foreach (var choose in choosers)
            if (choose(channels) is { } c) return c;
        throw new PhoneCommandRefused(PhoneErrors.NoSuchCall, command switch
        {
            Hold => $"{command}: no call to hold",
            Answer => $"{command}: no call is ringing",
            _ => $"{command}: no call on your line",
        });
    }

    /// <summary>Asterisk's uniqueid <c>[system-]epoch.sequence</c> as a creation order.</summary>
    public static (long Epoch, long Sequence) CreationOrder(string uniqueId)
    {
        var tail = uniqueId[(uniqueId.LastIndexOf('-') + 1)..];
        var dot = tail.IndexOf('.');
        if (dot < 0) return (0, 0);
        long.TryParse(tail[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch);
        long.TryParse(tail[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var seq);
        return (epoch, seq);
    }

    /// <summary>The remote-control NOTIFY a desk phone understands: PJSIPNotify to the endpoint, or chan_sip's SIPnotify to the peer.</summary>
    public static AmiAction Notify(string command, Line line, string @event)
    {
        var slash = line.Interface.IndexOf('/');
        var tech = slash > 0 ? line.Interface[..slash] : "";
        var device = line.Interface[(slash + 1)..];
        var headers = new Dictionary<string, string> { ["Event"] = @event };
        if (tech.Equals("PJSIP", StringComparison.OrdinalIgnoreCase)) return new PjsipNotifyAction { Endpoint = device, Variables = headers };
        if (tech.Equals("SIP", StringComparison.OrdinalIgnoreCase)) return new SipNotifyAction { Channel = device, Variables = headers };
        throw new PhoneCommandRefused(PhoneErrors.NotControllable, $"{command}: {line.Interface} is not a PJSIP or SIP phone, it cannot be told to {@event}");
    }

    private static string FullName(User user) => $"{user.FirstName} {user.LastName}".Trim();

    private static IReadOnlyDictionary<string, string> Ordered(IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        // Dictionary keeps insertion order while nothing is removed: the Variable headers go out in the client's order.
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in variables) d[k] = v;
        return d;
    }
}
