using System.Text;

namespace Xuc.Bench.Ami;

/// <summary>
/// A realistic mixed AMI stream: the events of many queue calls (Newchannel, VarSet in bulk, Newstate, DialBegin/End,
/// QueueCallerJoin, AgentCalled, AgentConnect, Bridge*, AgentComplete, Hangup, DeviceStateChange, ...) with the
/// header blocks Asterisk 18 writes, CRLF line ends, generated deterministically.
/// </summary>
public static class AmiCorpus
{
    public static (byte[] Bytes, int Messages) Build(int targetBytes, int seed = 42)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(targetBytes + 4096);
        sb.Append("Asterisk Call Manager/7.0.3\r\n");
        var messages = 0;
        var call = 0;
        while (sb.Length < targetBytes)
        {
            call++;
            var uid = $"1700000000.{call * 3}";
            var agentUid = $"1700000000.{call * 3 + 1}";
            var caller = $"PJSIP/trunk-{call:x8}";
            var agent = $"PJSIP/10{random.Next(1, 13):00}-{call + 1:x8}";
            var number = "06" + random.Next(10_000_000, 99_999_999);
            void Event(string name, string privilege, params (string, string)[] headers)
            {
                sb.Append("Event: ").Append(name).Append("\r\nPrivilege: ").Append(privilege).Append("\r\n");
                foreach (var (k, v) in headers) sb.Append(k).Append(": ").Append(v).Append("\r\n");
                sb.Append("\r\n");
                messages++;
            }
            (string, string)[] Block(string ch, int state, string u, string prefix = "") =>
            [
                (prefix + "Channel", ch), (prefix + "ChannelState", state.ToString()), (prefix + "ChannelStateDesc", state == 6 ? "Up" : state == 5 ? "Ringing" : "Ring"),
                (prefix + "CallerIDNum", number), (prefix + "CallerIDName", "<unknown>"), (prefix + "ConnectedLineNum", "<unknown>"),
                (prefix + "ConnectedLineName", "<unknown>"), (prefix + "Language", "en"), (prefix + "AccountCode", ""),
                (prefix + "Context", "from-external"), (prefix + "Exten", "3000"), (prefix + "Priority", "1"),
                (prefix + "Uniqueid", u), (prefix + "Linkedid", uid),
            ];
            Event("Newchannel", "call,all", Block(caller, 4, uid));
            for (var v = 0; v < 8; v++)
                Event("VarSet", "dialplan,all", [.. Block(caller, 4, uid), ("Variable", $"XIVO_VAR{v}"), ("Value", $"value: {random.Next()}")]);
            Event("Newstate", "call,all", Block(caller, 6, uid));
            Event("QueueCallerJoin", "agent,all", [.. Block(caller, 6, uid), ("Queue", "sales"), ("Position", "1"), ("Count", "1")]);
            Event("Newchannel", "call,all", Block(agent, 0, agentUid));
            Event("DialBegin", "call,all", [.. Block(caller, 6, uid), .. Block(agent, 0, agentUid, "Dest"), ("DialString", "1001")]);
            Event("AgentCalled", "agent,all", [.. Block(caller, 6, uid), .. Block(agent, 0, agentUid, "Dest"), ("Queue", "sales"), ("MemberName", "Agent"), ("Interface", agent[..^9])]);
            Event("DeviceStateChange", "call,all", ("Device", agent[..^9]), ("State", "RINGING"));
            Event("Newstate", "call,all", Block(agent, 6, agentUid));
            Event("DialEnd", "call,all", [.. Block(caller, 6, uid), .. Block(agent, 6, agentUid, "Dest"), ("DialStatus", "ANSWER")]);
            Event("QueueCallerLeave", "agent,all", [.. Block(caller, 6, uid), ("Queue", "sales"), ("Count", "0"), ("Position", "1")]);
            Event("BridgeEnter", "call,all", [("BridgeUniqueid", Guid.NewGuid().ToString()), ("BridgeType", "basic"), ("BridgeNumChannels", "2"), .. Block(agent, 6, agentUid)]);
            Event("AgentConnect", "agent,all", [.. Block(caller, 6, uid), .. Block(agent, 6, agentUid, "Dest"), ("Queue", "sales"), ("MemberName", "Agent"), ("Interface", agent[..^9]), ("RingTime", "3"), ("HoldTime", "12")]);
            Event("AgentComplete", "agent,all", [.. Block(caller, 6, uid), .. Block(agent, 6, agentUid, "Dest"), ("Queue", "sales"), ("MemberName", "Agent"), ("Interface", agent[..^9]), ("HoldTime", "12"), ("TalkTime", "95"), ("Reason", "caller")]);
            Event("Hangup", "call,all", [.. Block(caller, 6, uid), ("Cause", "16"), ("Cause-txt", "Normal Clearing")]);
            Event("Hangup", "call,all", [.. Block(agent, 6, agentUid), ("Cause", "16"), ("Cause-txt", "Normal Clearing")]);
        }
        return (Encoding.UTF8.GetBytes(sb.ToString()), messages);
    }
}
