using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

/// <summary>
/// Local channels (main/core_local.c over main/core_unreal.c): a queue member <c>Local/1001@agents/n</c> is a pair of
/// channels; app_queue dials the <c>;1</c> half, the <c>;2</c> half runs the dialplan (<c>Dial(PJSIP/1001)</c>) and
/// rings the phone. Once both halves are bridged the pair is optimised away (the phone takes <c>;1</c>'s place in the
/// queue's bridge) unless the interface says <c>/n</c>.
/// </summary>
public sealed partial class PbxModel
{
    internal static bool IsLocal(string @interface) => @interface.StartsWith("Local/", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>Local/exten@context/options</c> → its parts (core_local.c local_alloc: context defaults to "default").</summary>
    internal static (string Exten, string Context, bool NoOptimize) ParseLocal(string @interface)
    {
        var rest = @interface[6..];
        var slash = rest.IndexOf('/');
        var options = slash >= 0 ? rest[(slash + 1)..] : "";
        var target = slash >= 0 ? rest[..slash] : rest;
        var at = target.IndexOf('@');
        return at >= 0 ? (target[..at], target[(at + 1)..], options.Contains('n')) : (target, "default", options.Contains('n'));
    }

    /// <summary>The device a member interface's state comes from: a Local interface without its options.</summary>
    internal static string DeviceOfInterface(string @interface)
    {
        if (!IsLocal(@interface)) return @interface;
        var (exten, context, _) = ParseLocal(@interface);
        return $"Local/{exten}@{context}";
    }

    /// <summary>The phone a member interface rings: the device itself, or the extension a Local interface dials.</summary>
    private Endpoint? PhoneOfInterface(string @interface)
        => IsLocal(@interface) ? _endpoints.GetValueOrDefault(ParseLocal(@interface).Exten) : EndpointOfDevice(@interface);

    /// <summary>
    /// ast_unreal_new_channels: <c>Local/exten@context-xxxxxxxx;1</c> (Down, the owner app_queue dials) and <c>;2</c>
    /// (Ring, the side that runs the dialplan), one sequence number, the caller's linkedid on both.
    /// </summary>
    private SimChannel RequestLocal(string @interface, SimChannel caller)
    {
        var (exten, context, noOptimize) = ParseLocal(@interface);
        var device = $"Local/{exten}@{context}";
        var name = $"{device}-{++_channelSeq:x8}";
        var one = NewChannel(device, "", "", caller.Context, caller.Exten, 0, caller.Linkedid, name + ";1");
        var two = NewChannel(device, "", "", context, exten, 4, caller.Linkedid, name + ";2");
        one.LocalOther = two;
        two.LocalOther = one;
        one.LocalOptimize = !noOptimize;
        one.ConnectedNum = caller.CallerIdNum;
        one.ConnectedName = caller.CallerIdName;
        return one;
    }

    /// <summary>
    /// local_call: LocalBridge (core_local.c local_message_to_ami: LocalOne…, LocalTwo…, Context, Exten,
    /// LocalOptimization), then <c>;2</c> runs <c>Dial(PJSIP/1001)</c> and rings the phone.
    /// </summary>
    private void CallLocal(SimChannel one, Endpoint phone)
    {
        var two = one.LocalOther!;
        // local_call: ;2's caller is ;1's connected line (the queue caller), its connected line ;1's caller.
        two.ConnectedNum = one.CallerIdNum;
        two.ConnectedName = one.CallerIdName;
        SetCallerId(two, one.ConnectedNum, one.ConnectedName);
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("LocalBridge", "call,all"), one, "LocalOne"), two, "LocalTwo")
            .Add("Context", two.Context).Add("Exten", two.Exten).Add("LocalOptimization", one.LocalOptimize ? "Yes" : "No"));
        AgentSteps(two, phone.Exten);
        Step(two, "Dial", $"{phone.Device},,");
        DialEndpoint(two, phone);
    }

    /// <summary>
    /// After the queue bridged the caller with <c>;1</c>: bridge.c try_swap_optimize_out moves the phone's channel
    /// into the queue's bridge in <c>;1</c>'s place (app_queue's bridge inhibits swaps from it, not to it), framed by
    /// LocalOptimizationBegin/End (core_unreal.c ast_unreal_optimization_started/finished; DestUniqueId is the
    /// <c>;2</c> uniqueid as local_message_to_ami writes it, Source the channel moved); then both halves hang up.
    /// </summary>
    private void OptimizeLocal(SimChannel one)
    {
        var two = one.LocalOther!;
        if (two.Bridge is not { } inner || one.Bridge is not { } queueBridge) return;
        var phone = inner.Channels.FirstOrDefault(c => c != two);
        if (phone is null) return;
        var id = ++_optimizationSeq;
        Emit(ChannelBlock(ChannelBlock(ChannelBlock(AmiText.Event("LocalOptimizationBegin", "call,all"), one, "LocalOne"), two, "LocalTwo"), phone, "Source")
            .Add("DestUniqueId", two.Uniqueid).Add("Id", id));
        LeaveBridge(phone);
        EnterBridge(queueBridge, phone);
        LeaveBridge(one);
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("LocalOptimizationEnd", "call,all"), one, "LocalOne"), two, "LocalTwo")
            .Add("Success", "Yes").Add("Id", id));
        // app_queue's handle_local_optimization: the member's channel is now the phone's.
        foreach (var qc in _queues.Values.SelectMany(q => q.Callers).Where(qc => qc.ConnectedChannel == one))
            qc.ConnectedChannel = phone;
        ConnectParties(queueBridge.Channels.First(c => c != phone), phone);
        // The halves left alone end with a normal clearing: ;1's bridge returns, unreal_hangup tells ;2.
        HangupChannel(one, 16, "Normal Clearing");
    }

    private int _optimizationSeq;

    /// <summary>A caller id change after the first snapshot: NewCallerid (manager_channels.c channel_new_callerid).</summary>
    private void SetCallerId(SimChannel c, string number, string name)
    {
        if (c.CallerIdNum == number && c.CallerIdName == name) return;
        c.CallerIdNum = number;
        c.CallerIdName = name;
        Emit(ChannelBlock(AmiText.Event("NewCallerid", "call,all"), c).Add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }

    /// <summary>
    /// core_unreal.c unreal_hangup: one half hanging up queued a hangup (HangupRequest, with its cause) on the other;
    /// a <c>;1</c> still ringing for a queue call is seen by app_queue as the member's leg ending.
    /// </summary>
    private void LocalHalfGone(SimChannel other, int cause, string causeText)
    {
        if (other.RingingFor is not null && other.DialedBy is not null)
        {
            var status = cause switch { 17 => "BUSY", 18 or 19 => "NOANSWER", _ => "CHANUNAVAIL" };
            EndRinging(other, status, cause, causeText);
            return;
        }
        HangupChannel(other, cause, causeText);
    }
}
