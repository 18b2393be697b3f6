using System.Buffers;
using System.Diagnostics;
using Xuc.Actors.Ami;
using Xuc.Actors.Messages.Events;
using Xuc.Ami.Events;
using Xuc.Ami.Framing;
using Xuc.Bench.Report;

namespace Xuc.Bench.Ami;

/// <summary>
/// AMI parse throughput of Xuc.Ami's framer (Pipelines-style ReadOnlySequence input, 16 KiB chunks as a socket
/// delivers them) against a naive StreamReader.ReadLine + string.Split parser, on the same corpus, one thread.
/// </summary>
public static class AmiParseBench
{
    public static Task Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 7;
        var (corpus, messages) = AmiCorpus.Build(64 * 1024 * 1024);
        Console.WriteLine($"corpus: {corpus.Length / 1048576.0:F1} MiB, {messages:N0} events (the simulator's realistic queue-call mix, CRLF)");

        // Both parsers must agree before their speed means anything.
        var xuc = ParseXuc(corpus);
        var naive = ParseNaive(corpus);
        if (xuc != messages || naive != messages) throw new InvalidOperationException($"parsers disagree: xuc {xuc}, naive {naive}, expected {messages}");

        ParseXuc(corpus); ParseNaive(corpus); // warm-up
        var x = new List<double>();
        var n = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            n.Add(Time(() => ParseNaive(corpus)));
            x.Add(Time(() => ParseXuc(corpus)));
        }
        var mb = corpus.Length / 1048576.0;
        var xs = Stats.Of(x.Select(s => mb / s).ToArray());
        var ns = Stats.Of(n.Select(s => mb / s).ToArray());
        Console.WriteLine($"\nAMI parse throughput, one thread, {runs} runs each (median, min–max)\n");
        Console.WriteLine(new Table("parser", "MB/s", "MB/s min–max", "events/s", "vs naive")
            .Add("naive StreamReader.ReadLine + Split (baseline)", ns.Median.ToString("F0"), ns.Spread("F0"), (messages * ns.Median / mb).ToString("N0"), "1.00×")
            .Add("Xuc.Ami AmiFramer (Pipelines buffers)", xs.Median.ToString("F0"), xs.Spread("F0"), (messages * xs.Median / mb).ToString("N0"), $"{xs.Median / ns.Median:F2}×"));
        HandOver(corpus, runs);
        return Task.CompletedTask;
    }

    /// <summary>
    /// From a framed event to what crosses the cluster (<see cref="AmiEventData"/>): through the typed event as the
    /// server did before one vocabulary was chosen, against straight from the message as it does now.
    /// </summary>
    private static void HandOver(byte[] corpus, int runs)
    {
        var events = Frame(corpus);
        Time(() => ViaTyped(events));
        Time(() => Direct(events));
        var typed = new List<double>();
        var direct = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            typed.Add(Time(() => ViaTyped(events)));
            direct.Add(Time(() => Direct(events)));
        }
        var ts = Stats.Of(typed.Select(s => events.Count / s).ToArray());
        var ds = Stats.Of(direct.Select(s => events.Count / s).ToArray());
        Console.WriteLine($"\nFramed event → AmiEventData (the router's input), {events.Count:N0} events, {runs} runs each (median, min–max)\n");
        Console.WriteLine(new Table("path", "events/s", "events/s min–max", "vs typed")
            .Add("typed AmiEvent, then name + headers (before; baseline)", ts.Median.ToString("N0"), ts.Spread("N0"), "1.00×")
            .Add("name + headers straight from the message (now)", ds.Median.ToString("N0"), ds.Spread("N0"), $"{ds.Median / ts.Median:F2}×"));
    }

    private static List<AmiMessage> Frame(byte[] corpus)
    {
        var output = new List<AmiMessage>();
        var seq = new ReadOnlySequence<byte>(corpus);
        new AmiFramer().Parse(seq, output);
        return output.Where(m => m.IsEvent).ToList();
    }

    private static int ViaTyped(List<AmiMessage> events)
    {
        var n = 0;
        foreach (var m in events)
        {
            var typed = AmiEvents.From(m);
            n += new AmiEventData(typed.Name, typed.Message.Headers.ToArray()).Headers.Count;
        }
        return n;
    }

    private static int Direct(List<AmiMessage> events)
    {
        var n = 0;
        foreach (var m in events) n += AmiEventConversion.ToData(m).Headers.Count;
        return n;
    }

    private static double Time(Func<int> parse)
    {
        var sw = Stopwatch.StartNew();
        parse();
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>What a socket read loop does: 16 KiB arrives, the framer consumes whole lines, the rest waits.</summary>
    private static int ParseXuc(byte[] corpus)
    {
        var framer = new AmiFramer();
        var output = new List<AmiMessage>(256);
        var count = 0;
        var start = 0;
        var carried = 0;
        var window = new byte[256 * 1024];
        while (start < corpus.Length)
        {
            var take = Math.Min(16 * 1024, corpus.Length - start);
            Buffer.BlockCopy(corpus, start, window, carried, take);
            start += take;
            var available = carried + take;
            var seq = new ReadOnlySequence<byte>(window, 0, available);
            var consumed = (int)seq.Slice(0, framer.Parse(seq, output)).Length;
            carried = available - consumed;
            Buffer.BlockCopy(window, consumed, window, 0, carried);
            foreach (var m in output) if (m.IsEvent) count++;
            output.Clear();
        }
        return count;
    }

    private static int ParseNaive(byte[] corpus)
    {
        using var reader = new StreamReader(new MemoryStream(corpus));
        reader.ReadLine(); // banner
        var headers = new List<KeyValuePair<string, string>>();
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (headers.Count > 0 && headers.Any(h => h.Key == "Event")) count++;
                headers = [];
                continue;
            }
            var parts = line.Split(": ", 2);
            headers.Add(new(parts[0], parts.Length > 1 ? parts[1] : ""));
        }
        return count;
    }
}
