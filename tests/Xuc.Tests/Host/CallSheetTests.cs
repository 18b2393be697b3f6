using System.Text.RegularExpressions;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Tests.Support;
using static Xuc.Tests.Host.PhoneEventsTests;

namespace Xuc.Tests.Host;

/// <summary>The call sheet (docs/cti-websocket.md, "Call sheet") over real sockets against PbxSim, frames compared whole.</summary>
public sealed partial class CallSheetTests
{
    [GeneratedRegex("\"timenow\":\\d+")]
    private static partial Regex TimeNow();

    /// <summary><c>timenow</c> is the server's clock: checked to be now, then written as 0 for the comparison.</summary>
    private static string Normalised(string frame)
    {
        var m = TimeNow().Match(frame);
        Assert.True(m.Success, frame);
        var sent = long.Parse(m.Value["\"timenow\":".Length..]);
        Assert.InRange(sent, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        return TimeNow().Replace(frame, "\"timenow\":0");
    }

    [Fact]
    public async Task An_incoming_call_pushes_the_configured_sheet_to_the_called_user_only_once_with_the_calls_values()
    {
        var (server, sim) = await StartAsync();
        await using var _ = server;
        await server.App.Store.UpsertAsync(ConfigKinds.SheetField, new SheetField { Name = "crm", Type = "url", Order = 20, Value = "https://crm.example/?n={otherDN}&t={USR_ticket}&q={{x}}" });
        await server.App.Store.UpsertAsync(ConfigKinds.SheetField, new SheetField { Name = "caller", Type = "title", Order = 10, Value = "{otherDName} ({otherDN}) {USR_missing}" });
        await using var caller = await ConnectedAsync(server, "jbond");
        await using var callee = await ConnectedAsync(server, "mmoneypenny");

        var linked = sim.Model.Dial("1001", "1002", new Dictionary<string, string> { ["USR_ticket"] = "42" });
        var u2 = ChannelOf(sim, "1002");
        var channel = sim.Model.Locked(() => sim.Model.Channels.Single(c => c.Uniqueid == u2).Name);
        // The caller's channel exists before the dialplan's Set gives the call its data.
        await Expect(caller,
            PhoneEvent("EventDialing", "1001", "1002", "", linked, linked, "Outgoing"),
            PhoneEvent("EventDialing", "1001", "1002", "", linked, linked, "Outgoing", userData: """{"USR_ticket":"42"}"""),
            Status("CALLING"));
        var ringing = PhoneEvent("EventRinging", "1002", "1001", "James Bond", linked, u2, "Incoming", userData: """{"USR_ticket":"42"}""");
        Assert.Equal(ringing, await callee.ReceiveAsync());
        Assert.Equal(
            """{"msgType":"Sheet","ctiMessage":{"timenow":0,"compressed":true,"serial":"xml","payload":{"profile":{"user":{"internal":[{"content":"xivo","name":"ipbxid"},{"content":"link","name":"where"},{"content":"@UID","name":"uid"},{"content":"no","name":"focus"},{"content":"1","name":"zip"}],"sheetQtui":null,"sheetInfo":[{"value":"James Bond (1001) ","name":"caller","order":10,"type":"title"},{"value":"https://crm.example/?n=1001&t=42&q={x}","name":"crm","order":20,"type":"url"}],"systrayInfo":[]}}},"channel":"@CHANNEL"}}""".Replace("@UID", u2).Replace("@CHANNEL", channel),
            Normalised((await callee.ReceiveAsync())!));
        await Expect(callee, Status("RINGING"));

        // Answered and released: no second sheet; the caller never got one (its next frames are exactly these).
        sim.Model.Answer("1002");
        await Expect(callee, PhoneEvent("EventEstablished", "1002", "1001", "James Bond", linked, u2, "Incoming", userData: """{"USR_ticket":"42"}"""), Status("CALLING"));
        sim.Model.Hangup("1001");
        await Expect(callee, PhoneEvent("EventReleased", "1002", "1001", "James Bond", linked, u2, "Incoming", userData: """{"USR_ticket":"42"}"""), Status("AVAILABLE"));
        await Expect(caller,
            PhoneEvent("EventEstablished", "1001", "1002", "", linked, linked, "Outgoing", userData: """{"USR_ticket":"42"}"""),
            PhoneEvent("EventEstablished", "1001", "1002", "Eve Moneypenny", linked, linked, "Outgoing", userData: """{"USR_ticket":"42"}"""),
            PhoneEvent("EventReleased", "1001", "1002", "Eve Moneypenny", linked, linked, "Outgoing", userData: """{"USR_ticket":"42"}"""),
            Status("AVAILABLE"));
    }

    [Fact]
    public async Task Without_sheet_fields_no_sheet_is_sent()
    {
        var (server, sim) = await StartAsync();
        await using var _ = server;
        await using var callee = await ConnectedAsync(server, "mmoneypenny");
        var linked = sim.Model.Dial("1001", "1002");
        await Expect(callee, PhoneEvent("EventRinging", "1002", "1001", "James Bond", linked, ChannelOf(sim, "1002"), "Incoming"), Status("RINGING"));
    }

    [Fact]
    public async Task A_sheet_field_with_an_unknown_placeholder_a_stray_brace_or_an_unknown_type_is_refused()
    {
        var (server, _) = await StartAsync();
        await using var __ = server;
        var unknown = await Assert.ThrowsAsync<ConfigValidationException>(() => server.App.Store.UpsertAsync(ConfigKinds.SheetField, new SheetField { Name = "a", Value = "{caller}" }));
        Assert.Contains("sheetfield a: value names {caller}", string.Join("\n", unknown.Errors));
        var open = await Assert.ThrowsAsync<ConfigValidationException>(() => server.App.Store.UpsertAsync(ConfigKinds.SheetField, new SheetField { Name = "b", Value = "x {otherDN" }));
        Assert.Contains("sheetfield b: value has a '{' at 2 that is never closed", string.Join("\n", open.Errors));
        var type = await Assert.ThrowsAsync<ConfigValidationException>(() => server.App.Store.UpsertAsync(ConfigKinds.SheetField, new SheetField { Name = "c", Type = "html", Value = "" }));
        Assert.Contains("sheetfield c: type 'html' is not one of phone, text, title, url", string.Join("\n", type.Errors));
        Assert.Empty(await server.App.Store.ListAsync(ConfigKinds.SheetField));
    }
}
