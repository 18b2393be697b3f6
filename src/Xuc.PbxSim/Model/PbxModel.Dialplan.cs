using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

/// <summary>
/// What the realistic event level adds around the state-bearing events: the dialplan steps a typical inbound route
/// and agent context run (Newexten each, VarSet for each Set), the variables Asterisk sets on its own, the <c>h</c>
/// extension at hang-up and cdr_manager's Cdr. Nothing here changes the calls; at the minimal level it emits nothing.
/// </summary>
public sealed partial class PbxModel
{
    /// <summary>A dialplan variable Asterisk sets as a side effect: only at the realistic level.</summary>
    private void SideVariable(SimChannel c, string name, string value)
    {
        if (Realistic) SetVariable(c, name, value);
    }

    /// <summary>pbx.c runs a dialplan step: Newexten (manager_channels.c channel_newexten: Extension, Application, AppData).</summary>
    private void Step(SimChannel c, string application, string data)
    {
        c.Application = application;
        c.ApplicationData = data;
        if (!Realistic) return;
        if (c.StepsRun++ > 0) c.Priority++;
        Emit(ChannelBlock(AmiText.Event("Newexten", "dialplan,all"), c).Add("Extension", c.Exten).Add("Application", application).Add("AppData", data));
    }

    /// <summary>A <c>Set(NAME=value)</c> step: its Newexten, then the VarSet.</summary>
    private void SetStep(SimChannel c, string name, string value)
    {
        Step(c, "Set", $"{name}={value}");
        SideVariable(c, name, value);
    }

    /// <summary>An inbound route as integrators write them: note the DID, tag the CDR, check recording, then the destination.</summary>
    private void InboundSteps(SimChannel caller, string to)
    {
        if (!Realistic) return;
        Step(caller, "NoOp", $"Incoming call from {caller.CallerIdNum} to {to}");
        SetStep(caller, "__FROM_DID", to);
        SetStep(caller, "CDR(did)", to);
        SetStep(caller, "__CALLINGNUMPRES_SV", "allowed_not_screened");
        SetStep(caller, "__DIRECTION", "INBOUND");
        Step(caller, "Gosub", "sub-record-check,s,1(in,${FROM_DID},dontcare)");
        SetStep(caller, "__REC_STATUS", "INITIALIZED");
        Step(caller, "Return", "");
        SetStep(caller, "__NODEST", "");
    }

    /// <summary>The agent context a Local member's <c>;2</c> runs before its Dial.</summary>
    private void AgentSteps(SimChannel two, string exten)
    {
        if (!Realistic) return;
        Step(two, "NoOp", $"Queue member {exten}");
        SetStep(two, "__AGENT", exten);
        SetStep(two, "__PICKUPMARK", exten);
        SetStep(two, "CALLERID(name)", two.CallerIdName.Length > 0 ? two.CallerIdName : two.CallerIdNum);
    }

    /// <summary>
    /// bridge.c set_bridge_peer_vars_2party (run when a bridge is reconfigured): BRIDGEPEER and BRIDGEPVTCALLID on
    /// both parties of a two-party bridge (chan_pjsip's pvt id is the SIP Call-ID; a Local channel has none).
    /// </summary>
    private void BridgePeerVariables(SimBridge bridge)
    {
        if (!Realistic || bridge.Channels.Count != 2) return;
        var (a, b) = (bridge.Channels[0], bridge.Channels[1]);
        SetVariable(a, "BRIDGEPEER", b.Name);
        SetVariable(a, "BRIDGEPVTCALLID", CallId(b));
        SetVariable(b, "BRIDGEPEER", a.Name);
        SetVariable(b, "BRIDGEPVTCALLID", CallId(a));
    }

    private static string CallId(SimChannel c) => IsLocal(c.Name) ? "" : $"{c.Uniqueid.Replace('.', '-')}@xuc-sim";

    /// <summary>At hang-up of a channel that ran dialplan: its <c>h</c> extension (pbx.c ast_pbx_h_exten_run).</summary>
    private void HangupSteps(SimChannel c, int cause)
    {
        if (!Realistic || c.StepsRun == 0) return;
        c.Variables["CDR_DESTINATION"] = c.Exten;
        c.Variables["CDR_LASTAPP"] = c.Application;
        c.Variables["CDR_LASTDATA"] = c.ApplicationData;
        SideVariable(c, "HANGUPCAUSE", cause.ToString());
        c.Exten = "h";
        c.Priority = 0;
        c.StepsRun = 0;
        Step(c, "NoOp", $"Hangup cause {cause}");
        Step(c, "Macro", "hangupcall,");
    }

    /// <summary>Once the channel is gone, cdr_manager's Cdr for it as party A (AccountCode … UserField, manager_log's order).</summary>
    private void Cdr(SimChannel c)
    {
        if (!Realistic || !c.Variables.TryGetValue("CDR_DESTINATION", out var exten)) return;
        var (application, data) = (c.Variables["CDR_LASTAPP"], c.Variables["CDR_LASTDATA"]);
        var answered = c.Answered is { } at ? at : (DateTimeOffset?)null;
        var end = Now;
        Emit(AmiText.Event("Cdr", "cdr,all")
            .Add("AccountCode", "").Add("Source", c.CallerIdNum).Add("Destination", exten).Add("DestinationContext", c.Context)
            .Add("CallerID", $"\"{c.CallerIdName}\" <{c.CallerIdNum}>").Add("Channel", c.Name).Add("DestinationChannel", c.Variables.GetValueOrDefault("BRIDGEPEER", ""))
            .Add("LastApplication", application).Add("LastData", data).Add("StartTime", Stamp(c.Created)).Add("AnswerTime", answered is null ? "" : Stamp(answered.Value))
            .Add("EndTime", Stamp(end)).Add("Duration", (int)(end - c.Created).TotalSeconds).Add("BillableSeconds", answered is null ? 0 : (int)(end - answered.Value).TotalSeconds)
            .Add("Disposition", answered is null ? "NO ANSWER" : "ANSWERED").Add("AMAFlags", "DOCUMENTATION").Add("UniqueID", c.Uniqueid).Add("UserField", ""));
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss");
}
