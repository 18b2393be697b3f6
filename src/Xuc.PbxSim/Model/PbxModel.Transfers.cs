using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

public sealed partial class PbxModel
{
    /// <summary>BlindTransfer / Redirect of a bridged party: the transferer leaves, its peer is sent to the new number.</summary>
    internal string? BlindTransfer(SimChannel transferer, string exten, string context)
    {
        var bridge = transferer.Bridge;
        // bridge.c ast_bridge_transfer_blind: a channel in no bridge is AST_BRIDGE_TRANSFER_INVALID ("Transfer invalid").
        if (bridge is null || bridge.Channels.Count < 2) return "Transfer invalid";
        var peer = bridge.Channels.First(c => c != transferer);
        // The manager action is an "external" transfer (manager.c passes is_external to the bridging core).
        Emit(BridgeBlock(ChannelBlock(ChannelBlock(AmiText.Event("BlindTransfer", "call,all").Add("Result", "Success"), transferer, "Transferer"), peer, "Transferee"), bridge)
            .Add("IsExternal", "Yes").Add("Context", context).Add("Extension", exten));
        // app_queue's handle_blind_transfer: the queue call ends with AgentComplete Reason transfer.
        if (ConnectedQueueCall(transferer, peer) is { } queueCall) CompleteQueueCall(queueCall, "transfer");
        LeaveBridge(peer);
        HangupChannel(transferer, 16, "Normal Clearing");
        peer.Context = context;
        peer.Exten = exten;
        Route(peer, exten);
        return null;
    }

    /// <summary>The answered queue call two bridged channels belong to, if any.</summary>
    private QueueCall? ConnectedQueueCall(SimChannel a, SimChannel b)
        => _queues.Values.SelectMany(q => q.Callers)
            .FirstOrDefault(qc => qc.ConnectedMember is not null && (qc.Caller == a || qc.Caller == b || qc.ConnectedChannel == a || qc.ConnectedChannel == b));

    /// <summary>Atxfer: the transferer's peer is held, the transferer consults <paramref name="exten"/>.</summary>
    internal string? AttendedTransfer(SimChannel transferer, string exten)
    {
        if (transferer.Bridge is null) return "Atxfer failed: channel is not bridged";
        if (!_endpoints.TryGetValue(exten, out var target)) return "Atxfer failed: no such extension";
        var peer = transferer.Bridge.Channels.FirstOrDefault(c => c != transferer);
        if (peer is not null && !peer.OnHold)
        {
            peer.OnHold = true;
            Emit(ChannelBlock(AmiText.Event("Hold", "call,all"), peer).Add("MusicClass", "default"));
        }
        // The consultation leg is a new call from the transferer's phone.
        var ep = EndpointOfDevice(transferer.Device)!;
        var consult = NewChannel(ep.Device, ep.Exten, ep.CallerIdName, ep.Context, exten, 6, transferer.Linkedid);
        consult.Answered = Now;
        consult.Variables["XUC_TRANSFER_OF"] = transferer.Name;
        DialEndpoint(consult, target);
        return null;
    }

    /// <summary>
    /// The transferer hangs up its consultation call after the target answered: the held party and the target
    /// are bridged (AttendedTransfer event), both transferer channels go away.
    /// </summary>
    public void CompleteAttendedTransfer(string transfererExten)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(transfererExten);
            var consult = _channels.Values.FirstOrDefault(c => c.Device == ep.Device && c.Variables.ContainsKey("XUC_TRANSFER_OF") && c.Bridge is not null)
                          ?? throw new SimulationException($"no answered consultation call on {transfererExten}");
            var original = FindChannel(consult.Variables["XUC_TRANSFER_OF"]) ?? throw new SimulationException("the transferred call is gone");
            var held = original.Bridge?.Channels.FirstOrDefault(c => c != original) ?? throw new SimulationException("nothing to transfer");
            var target = consult.Bridge!.Channels.First(c => c != consult);
            var origBridge = original.Bridge!;
            var secondBridge = consult.Bridge!;
            // The bridging core writes: Result, OrigTransferer…, OrigBridge…, SecondTransferer…, SecondBridge…,
            // Transferee…, TransferTarget…, IsExternal, then the destination (DestType, DestBridgeUniqueid).
            var t = AmiText.Event("AttendedTransfer", "call,all").Add("Result", "Success");
            ChannelBlock(t, original, "OrigTransferer");
            BridgeBlock(t, origBridge, "Orig");
            ChannelBlock(t, consult, "SecondTransferer");
            BridgeBlock(t, secondBridge, "Second");
            ChannelBlock(t, held, "Transferee");
            ChannelBlock(t, target, "TransferTarget");
            // Atxfer runs the DTMF attended-transfer feature inside Asterisk: not an external (protocol) transfer.
            Emit(t.Add("IsExternal", "No").Add("DestType", "Bridge").Add("DestBridgeUniqueid", origBridge.Uniqueid));
            // app_queue's handle_attended_transfer: a transferred queue call ends with AgentComplete Reason transfer.
            if (ConnectedQueueCall(original, held) is { } queueCall) CompleteQueueCall(queueCall, "transfer");
            // The target moves into the transferee's bridge; both transferer channels go away.
            LeaveBridge(target);
            HangupChannel(consult, 16, "Normal Clearing");
            EnterBridge(origBridge, target);
            LeaveBridge(original);
            HangupChannel(original, 16, "Normal Clearing");
            if (held.OnHold)
            {
                held.OnHold = false;
                Emit(ChannelBlock(AmiText.Event("Unhold", "call,all"), held));
            }
            ConnectParties(held, target);
            UpdateDeviceState(held.Device);
        }
    }
}
