using Xuc.Ami.Framing;
using Xuc.Ami.Recording;

namespace Xuc.Tests.Ami;

/// <summary>What people paste as an AMI stream: raw AMI, recordings, and manager debug logs with their prefixes.</summary>
public sealed class AmiCaptureReaderTests
{
    private static List<AmiMessage> Messages(AmiCapture c) => c.Messages.ToList();

    [Fact]
    public void Raw_ami_with_crlf_and_a_banner()
    {
        var c = AmiCaptureReader.Parse("Asterisk Call Manager/7.0.3\r\nResponse: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\n"
            + "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\nEvent: Hangup\r\nChannel: PJSIP/1001-00000001\r\nAccountCode:\r\nCause: 16\r\n\r\n");
        Assert.Equal("Asterisk Call Manager/7.0.3", Assert.IsType<CapturedBanner>(c.Items[0]).Banner);
        var m = Messages(c);
        Assert.Equal(3, m.Count);
        Assert.True(m[0].IsResponse);
        Assert.Equal("Hangup", m[2].EventName);
        Assert.Equal("", m[2]["AccountCode"]);
        Assert.Equal("16", m[2]["Cause"]);
        Assert.Equal(0, c.SkippedLines);
    }

    [Fact]
    public void An_OriginateResponse_event_keeps_its_Response_header()
    {
        // manager.c's OriginateResponse carries "Response: Success" after Event, Privilege and ActionID (recorded on Asterisk 22).
        var c = AmiCaptureReader.Parse("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: o-1\r\nResponse: Success\r\n"
            + "Channel: PJSIP/1001-0000006b\r\nReason: 4\r\n\r\nResponse: Success\r\nActionID: p\r\nPing: Pong\r\n\r\n");
        var m = Messages(c);
        Assert.Equal(2, m.Count);
        Assert.Equal("OriginateResponse", m[0].EventName);
        Assert.Equal("Success", m[0]["Response"]);
        Assert.Equal("PJSIP/1001-0000006b", m[0]["Channel"]);
        Assert.True(m[1].IsResponse);
    }

    [Fact]
    public void A_recording_keeps_times_and_sent_actions()
    {
        var c = AmiCaptureReader.Parse("""
            ;; xuc-ami-recording 1
            ;; t=1764295891.000000 connect 127.0.0.1 5038
            Asterisk Call Manager/7.0.3
            ;; t=1764295891.250000 sent QueueStatus xuc-1-3
            ;; t=1764295891.500000
            Response: Success
            ActionID: xuc-1-3
            EventList: start

            ;; t=1764295893.750000
            Event: Newchannel
            Channel: PJSIP/1001-00000001

            """);
        Assert.IsType<CapturedBanner>(c.Items[0]);
        var sent = Assert.IsType<CapturedAction>(c.Items[1]);
        Assert.Equal(("QueueStatus", "xuc-1-3"), (sent.Action, sent.ActionId));
        var response = Assert.IsType<CapturedMessage>(c.Items[2]);
        var ev = Assert.IsType<CapturedMessage>(c.Items[3]);
        Assert.Equal(TimeSpan.FromSeconds(2.25), ev.At - response.At);
        Assert.Equal(0, c.SkippedLines);
    }

    [Fact]
    public void A_manager_debug_file_log_with_prefixes_on_the_first_line_only()
    {
        // logger.c format_log_default, LOGTYPE_FILE: "[%s] %s[%d]%s %s: %s" — the multi-line message follows unprefixed.
        const string log = """
            [Nov 28 02:11:31] VERBOSE[2317] manager.c: <-- Examining AMI event (1542): -->
            Event: Newchannel
            Privilege: call,all
            SequenceNumber: 41
            File: channel.c
            Line: 1163
            Func: __ast_channel_alloc_ap
            Channel: PJSIP/1001-00000004
            Uniqueid: 1740666060.11

            [Nov 28 02:11:31] VERBOSE[2317] manager.c: <-- Examining AMI event (1542): -->
            Event: Newchannel
            Privilege: call,all
            SequenceNumber: 41
            File: channel.c
            Line: 1163
            Func: __ast_channel_alloc_ap
            Channel: PJSIP/1001-00000004
            Uniqueid: 1740666060.11

            [Nov 28 02:11:33] VERBOSE[2320][C-00000002] manager.c: <--- Examining AMI action: -->
            Action: Hangup
            ActionID: 7
            Channel: PJSIP/1001-00000004

            [Nov 28 02:11:34] VERBOSE[2317][C-00000002] manager.c: <-- Examining AMI event (77): -->
            Event: Hangup
            Privilege: call,all
            SequenceNumber: 42
            Channel: PJSIP/1001-00000004
            Cause: 16

            """;
        var c = AmiCaptureReader.Parse(log);
        var m = c.Items.OfType<CapturedMessage>().ToList();
        Assert.Equal(["Newchannel", "Hangup"], m.Select(x => x.Message.EventName));
        Assert.Equal("PJSIP/1001-00000004", m[0].Message["Channel"]);
        Assert.Equal(1, c.DuplicateEvents);
        Assert.Equal(1, c.SkippedActions);
        Assert.Equal(4, c.SkippedLines); // the four "Examining" lines
        Assert.Equal(TimeSpan.FromSeconds(3), m[1].At - m[0].At);
    }

    [Fact]
    public void Prefixes_on_every_line_are_stripped_and_a_stray_line_ends_the_message()
    {
        // Every line prefixed (a syslog-style paste), no blank line between two events, and a console line between.
        const string log = """
            [2026-11-28 02:11:31.120] VERBOSE[2317] manager.c: Event: Hold
            [2026-11-28 02:11:31.120] VERBOSE[2317] manager.c: Channel: PJSIP/1002-00000005
            [2026-11-28 02:11:31.120] VERBOSE[2317] manager.c: MusicClass: default
            [2026-11-28 02:11:31.400] NOTICE[2401] res_pjsip_registrar.c: Contact 1003/sip:1003@10.0.0.3 has been deleted
            Uniqueid: 1740666060.14
            [2026-11-28 02:11:32.900] VERBOSE[2317] manager.c: Event: Unhold
            Nov 28 02:11:33 pbx asterisk[2300]: VERBOSE[2317]: manager.c:5703 in should_send_event: Channel: PJSIP/1002-00000005
            *CLI> core show channels
            Event: Cdr
            Disposition: ANSWERED

            """;
        var c = AmiCaptureReader.Parse(log);
        var m = c.Items.OfType<CapturedMessage>().ToList();
        Assert.Equal(4, m.Count);
        Assert.Equal("Hold", m[0].Message.EventName);
        Assert.Equal(3, m[0].Message.Count); // the notice line ended it: the Uniqueid after it is not glued in
        Assert.Null(m[0].Message["Uniqueid"]);
        Assert.Equal("Uniqueid", m[1].Message.NameAt(0)); // a headless fragment stays on its own
        Assert.Equal("Unhold", m[2].Message.EventName);
        Assert.Equal("PJSIP/1002-00000005", m[2].Message["Channel"]);
        Assert.Equal("Cdr", m[3].Message.EventName);
        Assert.Equal(2, c.SkippedLines);
        Assert.Equal(TimeSpan.FromMilliseconds(1780), m[2].At - m[0].At);
    }

    [Fact]
    public void A_second_event_header_starts_a_new_message()
    {
        var c = AmiCaptureReader.Parse("Event: Hold\nChannel: A\nEvent: Unhold\nChannel: A\n");
        Assert.Equal(["Hold", "Unhold"], c.Messages.Select(x => x.EventName));
    }

    [Fact]
    public void The_recorder_writes_what_the_reader_reads_back()
    {
        var path = Path.GetTempFileName();
        try
        {
            var t = DateTimeOffset.FromUnixTimeMilliseconds(1_764_295_891_000);
            var now = t;
            using (var recorder = new AmiRecorder(path, () => now))
            {
                recorder.Connected("127.0.0.1", 5038);
                recorder.Received("Asterisk Call Manager/7.0.3", []);
                recorder.Sent("Login", "x-1");
                recorder.Received("Asterisk Call Manager/7.0.3", [AmiMessage.From(("Response", "Success"), ("ActionID", "x-1"), ("Message", "Authentication accepted"))]);
                now = t.AddMilliseconds(1500.5);
                recorder.Received("Asterisk Call Manager/7.0.3", [AmiMessage.From(("Event", "Hangup"), ("AccountCode", ""), ("Cause-txt", "Normal Clearing: yes"))]);
            }
            var c = AmiCaptureReader.ReadFile(path);
            Assert.Equal(0, c.SkippedLines);
            Assert.Equal("Asterisk Call Manager/7.0.3", Assert.IsType<CapturedBanner>(c.Items[0]).Banner);
            Assert.Equal("Login", Assert.IsType<CapturedAction>(c.Items[1]).Action);
            var hangup = Assert.IsType<CapturedMessage>(c.Items[3]);
            Assert.Equal("Normal Clearing: yes", hangup.Message["Cause-txt"]);
            Assert.Equal(TimeSpan.FromMilliseconds(1500.5), hangup.At - c.Items[2].At);
            // and the file is still raw AMI for the framer once the comment lines are dropped
            var raw = string.Join("\r\n", File.ReadAllLines(path).Where(l => !l.StartsWith(";;"))) + "\r\n";
            Assert.Equal(2, AmiFramerTests.Parse(raw).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
