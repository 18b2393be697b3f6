using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xuc.Ami.Framing;

namespace Xuc.Tests.Ami;

/// <summary>Any AMI byte stream, split anywhere, yields the same messages.</summary>
public sealed class AmiFramingProperties
{
    private static readonly string[] Names = ["ActionID", "Channel", "Uniqueid", "Variable", "Value", "Message", "CallerIDName", "X-Ünïcode"];
    private static readonly string[] Values = ["", "PJSIP/1001-0000000a", "a: b: c", "Jürgen Müller", "1700000000.12", "x=y", "  leading", "trailing  "];

    private static Gen<string> Stream() =>
        from count in Gen.Choose(0, 6)
        from messages in Gen.ListOf(Message(), count)
        from crlf in Gen.Elements(true, false)
        select "Asterisk Call Manager/5.0.10" + (crlf ? "\r\n" : "\n") + string.Concat(messages.Select(m => crlf ? m : m.Replace("\r\n", "\n")));

    private static Gen<string> Message() =>
        from kind in Gen.Elements("Event: Newchannel", "Response: Success", "Event: VarSet")
        from n in Gen.Choose(0, 8)
        from headers in Gen.ListOf(Gen.Zip(Gen.Elements(Names), Gen.Elements(Values)), n)
        select kind + "\r\n" + string.Concat(headers.Select(h => $"{h.Item1}: {h.Item2}\r\n")) + "\r\n";

    private static List<string> Frame(byte[] bytes, IEnumerable<int> cuts)
    {
        var framer = new AmiFramer();
        var output = new List<AmiMessage>();
        var pending = new List<byte>();
        var start = 0;
        foreach (var cut in cuts.Append(bytes.Length))
        {
            pending.AddRange(bytes[start..cut]);
            start = cut;
            var seq = new ReadOnlySequence<byte>(pending.ToArray());
            var consumed = framer.Parse(seq, output);
            pending.RemoveRange(0, (int)seq.Slice(0, consumed).Length);
        }
        return output.Select(m => m.ToString()).ToList();
    }

    [Property(MaxTest = 200)]
    public Property Every_split_point_gives_the_same_messages()
        => Prop.ForAll(Stream().ToArbitrary(), text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var whole = Frame(bytes, []);
            for (var cut = 1; cut < bytes.Length; cut++)
                if (!whole.SequenceEqual(Frame(bytes, [cut]))) return false;
            return true;
        });

    [Property(MaxTest = 200)]
    public Property Random_multi_splits_give_the_same_messages_as_the_text_has()
        => Prop.ForAll(Stream().ToArbitrary(), Gen.ListOf(Gen.Choose(1, 40)).ToArbitrary(), (text, steps) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var cuts = new List<int>();
            var at = 0;
            foreach (var s in steps) { at += s; if (at >= bytes.Length) break; cuts.Add(at); }
            var expected = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(block => block.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("Asterisk Call Manager/")).ToArray())
                .Where(lines => lines.Length > 0)
                .Select(lines => string.Concat(lines.Select(l => l + "\r\n")) + "\r\n")
                .ToList();
            return Frame(bytes, cuts).SequenceEqual(expected);
        });
}
