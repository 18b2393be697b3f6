using Xuc.Ami.Actions;

namespace Xuc.Tests.Ami;

public sealed class AmiActionTests
{
    [Fact]
    public void Actions_write_exact_ami_text_with_repeated_variables()
    {
        var originate = new OriginateAction
        {
            Channel = "PJSIP/1001", Exten = "1002", Context = "default", Priority = "1", CallerId = "Xuc <1001>",
            Variables = new Dictionary<string, string> { ["USR_ticket"] = "42", ["XIVO_USERID"] = "7" },
        };
        Assert.Equal("Action: Originate\r\nActionID: 9\r\nChannel: PJSIP/1001\r\nExten: 1002\r\nContext: default\r\nPriority: 1\r\n" +
                     "CallerID: Xuc <1001>\r\nAsync: true\r\nVariable: USR_ticket=42\r\nVariable: XIVO_USERID=7\r\n\r\n", originate.ToWire("9"));
        Assert.Equal("Action: QueuePause\r\nActionID: 1\r\nInterface: PJSIP/1001\r\nPaused: true\r\nQueue: sales\r\nReason: lunch\r\n\r\n",
            new QueuePauseAction { Interface = "PJSIP/1001", Paused = "true", Queue = "sales", Reason = "lunch" }.ToWire("1"));
        Assert.Equal("Action: Ping\r\n\r\n", new PingAction().ToWire(null));
    }

    [Fact]
    public void A_line_break_in_a_value_is_refused_instead_of_injecting_headers()
    {
        var evil = new SetvarAction { Channel = "PJSIP/1001-00000001", Variable = "USR_x", Value = "a\r\nAction: Hangup" };
        Assert.Throws<ArgumentException>(() => evil.ToWire("1"));
    }
}
