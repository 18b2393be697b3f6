using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

/// <summary>
/// The manager's attended transfer as Asterisk 18 runs it (main/manager.c action_atxfer queues the atxfer feature
/// code and the digits on the transferer's channel; main/bridge_basic.c runs the feature). The transferer keeps its
/// one channel and moves between two bridges: the transferee's (held) and a new consultation bridge with a
/// <c>Local/exten@context</c> channel that dials the target. Stimuli: the target answers (Calling Target →
/// Consulting); the transferer hangs up (→ Complete, or Blond while the target still rings: the target keeps ringing
/// for the transferee); the abort code (CancelAtxfer) or the target hanging up (→ Rebridge: back with the transferee).
/// Not modelled: swap/threeway codes, the recall after an unanswered blond transfer, Local channel optimisation.
/// </summary>
public sealed partial class PbxModel
{
    private sealed class Atxfer(SimChannel transferer, SimBridge transfereeBridge, SimBridge targetBridge, SimChannel target)
    {
        public SimChannel Transferer { get; } = transferer;
        public SimBridge TransfereeBridge { get; } = transfereeBridge;
        public SimBridge TargetBridge { get; } = targetBridge;
        /// <summary>The <c>;1</c> half of the Local channel (props->transfer_target).</summary>
        public SimChannel Target { get; } = target;
    }

    /// <summary>Attended transfers in progress, by transferer channel name.</summary>
    private readonly Dictionary<string, Atxfer> _atxfers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Atxfer: the feature starts only for a channel in a two-party basic bridge with no transfer running; otherwise
    /// the queued DTMF goes nowhere, and the manager still answered "Atxfer successfully queued".
    /// </summary>
    internal void ManagerAtxfer(SimChannel transferer, string exten, string? context)
    {
        if (transferer.Bridge is not { } transfereeBridge || _atxfers.ContainsKey(transferer.Name)) return;
        // action_atxfer: a Context header becomes TRANSFER_CONTEXT, which the feature reads; else the channel's context.
        if (!string.IsNullOrEmpty(context)) SetVariable(transferer, "TRANSFER_CONTEXT", context);
        var xferContext = string.IsNullOrEmpty(context) ? transferer.Context : context;
        // feature_attended_transfer: ast_bridge_channel_write_hold(bridge_channel, NULL) publishes Hold on the transferer.
        transferer.OnHold = true;
        Emit(ChannelBlock(AmiText.Event("Hold", "call,all"), transferer));
        if (!_endpoints.TryGetValue(exten, out var phone))
        {
            // ast_call on Local/exten@context fails for an extension that does not exist: fail sound, unhold.
            transferer.OnHold = false;
            Emit(ChannelBlock(AmiText.Event("Unhold", "call,all"), transferer));
            return;
        }
        // dial_transfer: ast_request("Local", ..., "exten@context"), TRANSFERERNAME and ATTENDEDTRANSFER on it,
        // then copy_caller_data (the transferer's caller id).
        var one = RequestLocal($"Local/{exten}@{xferContext}/n", transferer);
        SetVariable(one, "TRANSFERERNAME", transferer.Name);
        SetVariable(one, "ATTENDEDTRANSFER", transferer.Name);
        one.CallerIdNum = transferer.CallerIdNum;
        one.CallerIdName = transferer.CallerIdName;
        // ast_bridge_basic_new, then ast_call (the ;2 half dials the phone), ast_bridge_impart of the target,
        // and calling_target_enter moves the transferer into the consultation bridge.
        var targetBridge = new SimBridge(Guid.NewGuid().ToString());
        Emit(BridgeBlock(AmiText.Event("BridgeCreate", "call,all"), targetBridge));
        var two = one.LocalOther!;
        two.ConnectedNum = one.CallerIdNum;
        two.ConnectedName = one.CallerIdName;
        SetCallerId(two, one.CallerIdNum, one.CallerIdName);
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("LocalBridge", "call,all"), one, "LocalOne"), two, "LocalTwo")
            .Add("Context", two.Context).Add("Exten", two.Exten).Add("LocalOptimization", "No"));
        Step(two, "Dial", $"{phone.Device},,");
        DialEndpoint(two, phone);
        if (!_channels.ContainsKey(one.Name))
        {
            // The target was busy at once: the Local channel is gone, the transferer comes back (Rebridge).
            Emit(BridgeBlock(AmiText.Event("BridgeDestroy", "call,all"), targetBridge));
            Unhold(transferer);
            return;
        }
        EnterBridge(targetBridge, one);
        LeaveBridge(transferer);
        EnterBridge(targetBridge, transferer);
        _atxfers[transferer.Name] = new Atxfer(transferer, transfereeBridge, targetBridge, one);
    }

    /// <summary>
    /// CancelAtxfer queues the atxferabort code on the channel: during a transfer it is the abort stimulus (Rebridge);
    /// otherwise the digits pass into the call like any DTMF.
    /// </summary>
    internal void ManagerCancelAtxfer(SimChannel transferer)
    {
        if (!_atxfers.Remove(transferer.Name, out var x)) return;
        Rebridge(x);
    }

    /// <summary>
    /// core_unreal: the <c>;2</c> half answered (its Dial was answered), so the <c>;1</c> half answers too — the
    /// consultation call of a transfer, or a blond transfer's target now talking to the transferee.
    /// </summary>
    private void LocalTargetAnswered(SimChannel one)
    {
        if (one.State == 6 || !_channels.ContainsKey(one.Name)) return;
        one.Answered = Now;
        SetState(one, 6);
    }

    /// <summary>
    /// A channel is being hung up: as the transferer, it completes its transfer (consulting_exit/calling_target_exit:
    /// STIMULUS_TRANSFERER_HANGUP); as a transfer's target, the transferer goes back to the transferee (Rebridge).
    /// Called once the channel has left its bridge, before its Hangup event.
    /// </summary>
    private void AtxferPartyGone(SimChannel c)
    {
        if (_atxfers.Remove(c.Name, out var asTransferer))
        {
            Complete(asTransferer);
            return;
        }
        var asTarget = _atxfers.Values.FirstOrDefault(x => x.Target == c);
        if (asTarget is null) return;
        _atxfers.Remove(asTarget.Transferer.Name);
        Rebridge(asTarget);
    }

    /// <summary>complete_enter / blond_enter: the target bridge merges into the transferee's, the transferer is out.</summary>
    private void Complete(Atxfer x)
    {
        var transferee = x.TransfereeBridge.Channels.FirstOrDefault();
        if (transferee is null || !_channels.ContainsKey(x.Target.Name))
        {
            // The transferee (or the target) is gone already: nothing to join (TRANSFER_FAIL).
            return;
        }
        // ast_attended_transfer_message_create takes its snapshots before the merge; published after it.
        var t = AmiText.Event("AttendedTransfer", "call,all").Add("Result", "Success");
        ChannelBlock(t, x.Transferer, "OrigTransferer");
        BridgeBlock(t, x.TransfereeBridge, "Orig");
        ChannelBlock(t, x.Transferer, "SecondTransferer");
        BridgeBlock(t, x.TargetBridge, "Second");
        ChannelBlock(t, transferee, "Transferee");
        ChannelBlock(t, x.Target, "TransferTarget");
        t.Add("IsExternal", "No").Add("DestType", "Bridge").Add("DestBridgeUniqueid", x.TransfereeBridge.Uniqueid);
        LeaveBridge(x.Target);
        EnterBridge(x.TransfereeBridge, x.Target);
        Emit(t);
        // app_queue's handle_attended_transfer: a transferred queue call ends with AgentComplete Reason transfer.
        if (ConnectedQueueCall(x.Transferer, transferee) is { } queueCall) CompleteQueueCall(queueCall, "transfer");
        ConnectParties(transferee, x.Target);
    }

    /// <summary>rebridge_enter: the transferer back in the transferee's bridge, unheld; the target bridge destroyed (its Local hangs up).</summary>
    private void Rebridge(Atxfer x)
    {
        LeaveBridge(x.Transferer);
        if (x.TransfereeBridge.Channels.Count > 0) EnterBridge(x.TransfereeBridge, x.Transferer);
        Unhold(x.Transferer);
        // attended_transfer_properties_shutdown: ast_bridge_destroy(target_bridge) hangs up what is left in it.
        foreach (var c in x.TargetBridge.Channels.ToList()) HangupChannel(c, 16, "Normal Clearing");
        if (x.TransfereeBridge.Channels.Count == 0) HangupChannel(x.Transferer, 16, "Normal Clearing");
    }

    private void Unhold(SimChannel c)
    {
        if (!c.OnHold) return;
        c.OnHold = false;
        Emit(ChannelBlock(AmiText.Event("Unhold", "call,all"), c));
        UpdateDeviceState(c.Device);
    }
}
