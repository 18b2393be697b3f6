using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Tests.Support;
using static Xuc.Tests.Host.CtiAgentTests;
using static Xuc.Tests.Host.PhoneEventsTests;

namespace Xuc.Tests.Host;

/// <summary>
/// What a desktop sees of the calls the CTI places for its user (docs/cti-websocket.md, "Click-to-dial"), over real
/// sockets against the whole server, the PBX driven through <see cref="DeskPbx"/>; frames compared whole. Demo users:
/// jbond (agent 1, line 1001), mmoneypenny (Eve Moneypenny, line 1002).
/// </summary>
public sealed class DesktopCallTests
{
    private static string Error(string code, string message) => $$$"""{"msgType":"Error","ctiMessage":{"Error":"{{{code}}}","message":"{{{message}}}"}}""";

    private static string OwnCall(string name, string direction) =>
        State(name, 1, "1001", "1,3")[..^2] + $$$""","acd":false,"direction":"{{{direction}}}","callType":"Internal","monitorState":"DISABLED"}}""";

    [Fact]
    public async Task Click_to_dial_is_the_users_outgoing_call_dialing_the_destination_until_it_answers_with_no_sheet()
    {
        await using var pbx = await DeskPbx.StartAsync();
        await pbx.Server.App.Store.UpsertAsync(ConfigKinds.SheetField, new SheetField { Name = "caller", Type = "title", Order = 10, Value = "{otherDName} ({otherDN})" });
        await using var jbond = await ConnectedAsync(pbx.Server, "jbond");
        await using var money = await ConnectedAsync(pbx.Server, "mmoneypenny");
        await jbond.SendAsync(Command("agentLogin", "\"agentphonenumber\":\"1001\""));
        await FrameWatch.ExpectAsync(jbond, State("AgentReady", 1, "1001", "1,3"));

        await jbond.SendAsync(Command("dial", "\"destination\":\"1002\""));
        var (leg, _) = await pbx.ChannelOfAsync("1001");
        // His phone rings for the call he placed: his outgoing call to 1002, never his own number, no sheet.
        var dialing = PhoneEvent("EventDialing", "1001", "1002", "", leg, leg, "Outgoing");
        var agentDialing = State("AgentDialing", 1, "1001", "1,3");
        var read = await FrameWatch.ReadUntilAsync(jbond, dialing, agentDialing);

        // He picks up: the PBX dials 1002, which rings; he is still dialing.
        pbx.Answer("1001");
        await pbx.RingingAsync("1002");
        var (callee, _) = await pbx.ChannelOfAsync("1002");
        await FrameWatch.ExpectAsync(money, PhoneEvent("EventRinging", "1002", "1001", "James Bond", leg, callee, "Incoming"), "PhoneStatusUpdate");
        await FrameWatch.UntilAsync(money, ("her sheet", f => FrameWatch.Is(f, "Sheet")));

        // 1002 answers: established with her (the dialled number, then her name with the connected line the PBX sends
        // after the answer, as for a call his phone dials), on call outgoing.
        pbx.Answer("1002");
        var established = PhoneEvent("EventEstablished", "1001", "1002", "Eve Moneypenny", leg, leg, "Outgoing");
        var onCall = OwnCall("AgentOnCall", "Outgoing");
        read.AddRange(await FrameWatch.ReadUntilAsync(jbond, established, onCall));

        Assert.Equal(string.Join("\n", dialing, PhoneEvent("EventEstablished", "1001", "1002", "", leg, leg, "Outgoing"), established),
            string.Join("\n", FrameWatch.OfType(read, "PhoneEvent")));
        Assert.Equal(string.Join("\n", agentDialing, onCall), string.Join("\n", FrameWatch.OfType(read, "AgentStateEvent")));
        Assert.Empty(FrameWatch.OfType(read, "Sheet"));
        Assert.Empty(FrameWatch.OfType(read, "Error"));
    }

    [Fact]
    public async Task A_placed_call_that_fails_comes_back_as_an_Error_naming_the_reason_to_the_session_that_asked_only()
    {
        await using var pbx = await DeskPbx.StartAsync();
        await using var desktop = await ConnectedAsync(pbx.Server, "jbond");
        await using var other = await ConnectedAsync(pbx.Server, "jbond");

        // He declines his own phone's ringing: the Originate fails (OriginateResponse Failure, reason 5).
        await desktop.SendAsync(Command("dial", "\"destination\":\"1002\""));
        await pbx.RingingAsync("1001");
        pbx.Decline("1001");
        await Fails(desktop, Error("CallFailed", "dial to 1002 failed: PJSIP/1001 is busy or declined (reason 5)"));

        // A number the dialplan does not have: his leg is hung up with the PBX's cause.
        await desktop.SendAsync(Command("dial", "\"destination\":\"9999\""));
        await pbx.RingingAsync("1001");
        var (_, leg) = await pbx.ChannelOfAsync("1001");
        pbx.Answer("1001");
        await Fails(desktop, Error("CallFailed", $"dial to 9999 failed: {leg} hung up before the call was answered: Unallocated (unassigned) number (cause 1)"));

        // The destination is busy.
        await desktop.SendAsync(Command("dialByUsername", "\"username\":\"mmoneypenny\""));
        await pbx.RingingAsync("1001");
        (_, leg) = await pbx.ChannelOfAsync("1001");
        pbx.Answer("1001");
        await pbx.RingingAsync("1002");
        pbx.Decline("1002");
        await Fails(desktop, Error("CallFailed", $"dialByUsername to 1002 failed: {leg} hung up before the call was answered: User busy (cause 17)"));

        // His other session saw the calls, not the errors.
        await other.SendAsync("""{"claz":"ping"}""");
        await FrameWatch.ExpectAsync(other, """{"msgType":"Pong","ctiMessage":{}}""", "PhoneEvent", "PhoneStatusUpdate", "AgentStateEvent");
    }

    /// <summary>The session gets <paramref name="error"/>, once, and its phone is idle again (in either order: two entities' news).</summary>
    private static async Task Fails(CtiClient desktop, string error)
    {
        var read = await FrameWatch.ReadUntilAsync(desktop, error, Status("AVAILABLE"));
        Assert.Equal([error], FrameWatch.OfType(read, "Error"));
    }
}
