using Xuc.Actors.Messages.Pbx;
using Xuc.Ami.Actions;

namespace Xuc.Tests.Actors;

/// <summary>A typed action becomes name + ordered headers to cross the cluster, and is written the same on the other side.</summary>
public sealed class PbxActionTests
{
    [Fact]
    public void A_typed_action_keeps_its_headers_in_order_with_repeats_and_is_written_identically()
    {
        var typed = new OriginateAction
        {
            Channel = "PJSIP/1001", Exten = "1002", Context = "default", Priority = "1",
            Variables = new Dictionary<string, string> { ["USR_a"] = "1", ["USR_b"] = "x: y" },
        };

        var action = PbxAction.From(typed);

        Assert.Equal("Originate", action.Name);
        Assert.Equal(
            ["Channel: PJSIP/1001", "Exten: 1002", "Context: default", "Priority: 1", "Async: true", "Variable: USR_a=1", "Variable: USR_b=x: y"],
            action.Headers.Select(h => h.Key + ": " + h.Value));
        Assert.Equal(typed.ToWire("7"), action.ToAmi(TimeSpan.FromSeconds(3)).ToWire("7"));
        Assert.Equal(TimeSpan.FromSeconds(3), action.ToAmi(TimeSpan.FromSeconds(3)).ResponseTimeout);
    }

    [Fact]
    public void A_value_with_a_line_break_is_refused_on_the_callers_node()
        => Assert.Throws<ArgumentException>(() => PbxAction.From(new HangupAction { Channel = "PJSIP/1001\r\nAction: Logoff" }));
}
