using System.Text;
using Xuc.Bench.Sim;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Ami;

/// <summary>
/// The realistic AMI event mix: what the simulator sends at its realistic level (as a real Asterisk 18) for a mix
/// of queue calls (answered to direct and Local members, ring-no-answer, abandon): Newexten and VarSet floods,
/// Local channel events, bridges, queue events, Cdr. CRLF line ends, deterministic apart from ids and times.
/// </summary>
public static class AmiCorpus
{
    public static (byte[] Bytes, int Messages) Build(int targetBytes)
    {
        var sb = new StringBuilder(targetBytes + (1 << 20));
        sb.Append("Asterisk Call Manager/7.0.3\r\n");
        var messages = 0;
        while (sb.Length < targetBytes)
        {
            var mix = new SimCallMix(SimEventLevel.Realistic, keepText: true);
            for (var i = 0; i < 50; i++) mix.MixedRound();
            sb.Append(mix.Text);
            messages += (int)mix.Events;
        }
        return (Encoding.UTF8.GetBytes(sb.ToString()), messages);
    }
}
