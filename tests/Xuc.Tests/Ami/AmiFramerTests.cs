using System.Buffers;
using System.Text;
using Xuc.Ami.Framing;

namespace Xuc.Tests.Ami;

public sealed class AmiFramerTests
{
    internal static List<AmiMessage> Parse(string text, AmiFramerLimits? limits = null, bool banner = true)
        => ParseBytes(Encoding.UTF8.GetBytes(text), limits, banner).Messages;

    internal static (List<AmiMessage> Messages, AmiFramer Framer) ParseBytes(byte[] bytes, AmiFramerLimits? limits = null, bool banner = true, int chunk = int.MaxValue)
    {
        var framer = new AmiFramer(limits, banner);
        var output = new List<AmiMessage>();
        var pending = new List<byte>();
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            pending.AddRange(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)).ToArray());
            var seq = new ReadOnlySequence<byte>(pending.ToArray());
            var consumed = framer.Parse(seq, output);
            pending.RemoveRange(0, (int)seq.Slice(0, consumed).Length);
        }
        framer.Complete();
        return (output, framer);
    }

    [Fact]
    public void Reads_the_banner_then_messages_with_crlf_or_bare_lf()
    {
        var (messages, framer) = ParseBytes(Encoding.UTF8.GetBytes(
            "Asterisk Call Manager/5.0.10\r\nResponse: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\nEvent: FullyBooted\nPrivilege: system,all\nStatus: Fully Booted\n\n"));
        Assert.Equal("Asterisk Call Manager/5.0.10", framer.Banner);
        Assert.Equal(2, messages.Count);
        Assert.True(messages[0].IsResponse);
        Assert.Equal("Authentication accepted", messages[0]["Message"]);
        Assert.Equal("FullyBooted", messages[1].EventName);
        Assert.Equal("Fully Booted", messages[1]["status"]);
    }

    [Fact]
    public void A_value_may_contain_colon_space_and_headers_may_repeat()
    {
        var m = Assert.Single(Parse("Response: Success\r\nMessage: Originate: queued: ok\r\nVariable: A=1\r\nVariable: B=x: y\r\nChanVariable(PJSIP/1-1): X=1\r\n\r\n", banner: false));
        Assert.Equal("Originate: queued: ok", m["Message"]);
        Assert.Equal(["A=1", "B=x: y"], m.GetAll("Variable"));
        Assert.Equal("X=1", m["ChanVariable(PJSIP/1-1)"]);
        Assert.Null(m["Missing"]);
        Assert.Equal("", Assert.Single(Parse("Event: X\r\nEmpty:\r\n\r\n", banner: false))["Empty"]);
    }

    [Fact]
    public void Extra_blank_lines_and_a_message_cut_off_at_the_end_yield_nothing_more()
    {
        var (messages, framer) = ParseBytes(Encoding.UTF8.GetBytes("\r\n\r\nEvent: A\r\n\r\n\r\nEvent: B\r\nX: 1\r\n"), banner: false);
        Assert.Equal("A", Assert.Single(messages).EventName);
        Assert.Equal(1, framer.Dropped);
    }

    [Fact]
    public void A_message_without_its_blank_line_is_dropped_when_the_next_one_starts()
    {
        var (messages, framer) = ParseBytes(Encoding.UTF8.GetBytes("Event: Broken\r\nChannel: x\r\nEvent: Good\r\nChannel: y\r\n\r\n"), banner: false);
        var m = Assert.Single(messages);
        Assert.Equal("Good", m.EventName);
        Assert.Equal("y", m["Channel"]);
        Assert.Equal(1, framer.Dropped);
    }

    [Fact]
    public void A_one_megabyte_header_line_is_skipped_with_bounded_buffering_and_the_next_message_survives()
    {
        var huge = "Event: Huge\r\nData: " + new string('x', 1024 * 1024) + "\r\nMore: 1\r\n\r\nEvent: After\r\n\r\n";
        var (messages, framer) = ParseBytes(Encoding.ASCII.GetBytes(huge), banner: false, chunk: 4096);
        Assert.Equal("After", Assert.Single(messages).EventName);
        Assert.Equal(1, framer.Dropped);
    }

    [Fact]
    public void Binary_junk_never_throws_and_later_messages_still_parse()
    {
        var random = new Random(42);
        var junk = new byte[200_000];
        random.NextBytes(junk);
        var bytes = junk.Concat("\r\n\r\nEvent: Clean\r\nA: b\r\n\r\n"u8.ToArray()).ToArray();
        var (messages, _) = ParseBytes(bytes, new AmiFramerLimits { MaxLineBytes = 1024, MaxMessageBytes = 8192, MaxHeaders = 64 }, banner: false, chunk: 1500);
        Assert.Equal("Clean", messages[^1].EventName);
    }

    [Fact]
    public void Too_many_headers_drop_the_message()
    {
        var sb = new StringBuilder("Event: Many\r\n");
        for (var i = 0; i < 100; i++) sb.Append("H").Append(i).Append(": v\r\n");
        sb.Append("\r\nEvent: Next\r\n\r\n");
        var (messages, framer) = ParseBytes(Encoding.ASCII.GetBytes(sb.ToString()), new AmiFramerLimits { MaxHeaders = 50 }, banner: false);
        Assert.Equal("Next", Assert.Single(messages).EventName);
        Assert.Equal(1, framer.Dropped);
    }
}

public sealed class AmiFramerEventResponseTests
{
    [Fact]
    public void An_event_with_a_Response_header_stays_one_event()
    {
        var m = Assert.Single(AmiFramerTests.Parse("Event: OriginateResponse\r\nActionID: 7\r\nResponse: Success\r\nChannel: PJSIP/1001\r\nReason: 4\r\n\r\n", banner: false));
        Assert.True(m.IsEvent);
        Assert.False(m.IsResponse);
        Assert.Equal("Success", m["Response"]);
        Assert.Equal("4", m["Reason"]);
    }
}
