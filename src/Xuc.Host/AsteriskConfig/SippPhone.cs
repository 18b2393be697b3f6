namespace Xuc.Host.AsteriskConfig;

/// <summary>
/// The SIPp scenario a demo phone runs (Debian's <c>sip-tester</c>, as a user agent server on its own port): it rings
/// (180), answers after <c>answerAfter</c> (never when null), answers Asterisk's re-INVITEs, hangs up when asked (BYE),
/// and a call cancelled while ringing ends with 487. A call of its own is placed through the PBX (AMI Originate), as
/// click-to-dial does. Several calls at once are separate SIPp calls (one per Call-ID).
/// </summary>
public static class SippPhone
{
    public static string Scenario(TimeSpan? answerAfter)
    {
        var wait = answerAfter is { } d ? $"timeout=\"{Math.Max(1, (int)d.TotalMilliseconds)}\" ontimeout=\"answer\" " : "";
        return $$"""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="xuc phone">
              <recv request="INVITE" crlf="true">
                <action><ereg regexp=".*" search_in="hdr" header="CSeq:" assign_to="invitecseq"/></action>
              </recv>
              <send><![CDATA[

            SIP/2.0 180 Ringing
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[service]@[local_ip]:[local_port];transport=[transport]>
            Content-Length: 0

              ]]></send>
              <recv request="CANCEL" {{wait}}next="cancelled"/>
              <label id="answer"/>
              <send retrans="500"><![CDATA[

            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[service]@[local_ip]:[local_port];transport=[transport]>
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=phone 1 1 IN IP[local_ip_type] [local_ip]
            s=-
            c=IN IP[media_ip_type] [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            a=sendrecv

              ]]></send>
              <recv request="ACK"/>
              <label id="talking"/>
              <recv request="INVITE" optional="true" next="reinvite"/>
              <recv request="BYE"/>
              <send><![CDATA[

            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

              ]]></send>
              <nop next="end"/>
              <label id="reinvite"/>
              <send retrans="500"><![CDATA[

            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[service]@[local_ip]:[local_port];transport=[transport]>
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=phone 1 2 IN IP[local_ip_type] [local_ip]
            s=-
            c=IN IP[media_ip_type] [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            a=sendrecv

              ]]></send>
              <recv request="ACK" next="talking"/>
              <label id="cancelled"/>
              <send><![CDATA[

            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

              ]]></send>
              <send><![CDATA[

            SIP/2.0 487 Request Terminated
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            CSeq:[$invitecseq]
            Content-Length: 0

              ]]></send>
              <recv request="ACK"/>
              <label id="end"/>
            </scenario>

            """;
    }

    /// <summary>The SIPp command line (after <c>sipp</c>) of the phone on <paramref name="port"/>, with its media port.</summary>
    public static IReadOnlyList<string> Arguments(string scenarioFile, string endpoint, int port, int mediaPort) =>
        ["-sf", scenarioFile, "-i", "127.0.0.1", "-p", port.ToString(), "-mp", mediaPort.ToString(), "-s", endpoint,
         "-aa", "-nostdin", "-m", "1000000", "-l", "100", "-nd", "-trace_err", "-error_file", "/dev/null"];
}
