using Xuc.Actors.Configuration;
using Xuc.Host.Settings;
using Xuc.Host.Startup;

namespace Xuc.Host.AsteriskConfig;

/// <summary>
/// <c>asterisk-config OUTDIR [--root DIR] [--ami-port N] [--sip-port N] [--phone-port N] [--rtp-ports N-M]
/// [--ring-seconds N] [--answer-ms N]</c>: writes an Asterisk 22 configuration generated from the configured store (seeded with the
/// demo when empty and XUC_SEED_DEMO is on, as the server does) into OUTDIR/etc, with the directories Asterisk uses
/// under OUTDIR, and the phones' ports in OUTDIR/etc/phones.txt. The manager user and secret are the server's AMI
/// settings. Exit codes: 0 written, 2 usage, the server's start-up codes for the store.
/// </summary>
public static class AsteriskConfigCommand
{
    public const string Usage = "usage: asterisk-config OUTDIR [--root DIR-AS-ASTERISK-SEES-IT] [--ami-port N] [--sip-port N] [--phone-port N] [--rtp-ports N-M] [--ring-seconds N] [--answer-ms N]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? hoconOverrides = null)
    {
        if (Parse(args) is not var (outDir, options) || outDir is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var settings = XucSettings.From(HoconLoader.Load(hoconOverrides));
        Directory.CreateDirectory(settings.DataDir);
        options = options with { AmiUser = settings.Ami.Username, AmiSecret = settings.Ami.Secret };
        ConfigSnapshot config;
        using (var store = await DatabaseStartup.OpenAsync(settings, null))
        {
            if (settings.SeedDemo) await store.SeedIfEmptyAsync(DemoDataset.Create());
            config = await store.LoadAsync();
        }
        var written = Write(config, options, outDir);
        await output.WriteLineAsync($"asterisk configuration for {PhonePlan.Of(config, options.PhonePortBase).Count} lines and {config.Queues.Count} queues written to {written} " +
                                    $"(AMI 127.0.0.1:{options.AmiPort}, SIP 127.0.0.1:{options.SipPort})");
        return 0;
    }

    /// <summary>Writes the files into OUTDIR/etc and creates the other directories; returns OUTDIR/etc.</summary>
    public static string Write(ConfigSnapshot config, AsteriskConfigOptions options, string outDir)
    {
        var etc = Path.Combine(outDir, "etc");
        foreach (var dir in new[] { "etc", "lib", "spool", "run", "log" }) Directory.CreateDirectory(Path.Combine(outDir, dir));
        foreach (var (name, text) in AsteriskFiles.For(config, options)) File.WriteAllText(Path.Combine(etc, name), text);
        return etc;
    }

    private static (string? OutDir, AsteriskConfigOptions Options)? Parse(string[] args)
    {
        string? outDir = null;
        var o = new AsteriskConfigOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                if (outDir is not null) return null;
                outDir = Path.GetFullPath(a);
                continue;
            }
            if (i + 1 >= args.Length) return null;
            var v = args[++i];
            int? n = int.TryParse(v, out var x) && x is > 0 and < 65536 ? x : null;
            switch (a)
            {
                case "--root": o = o with { Root = v.TrimEnd('/') }; break;
                case "--ami-port" when n is not null: o = o with { AmiPort = n.Value }; break;
                case "--sip-port" when n is not null: o = o with { SipPort = n.Value }; break;
                case "--phone-port" when n is not null: o = o with { PhonePortBase = n.Value }; break;
                case "--ring-seconds" when n is not null: o = o with { RingSeconds = n.Value }; break;
                case "--answer-ms" when n is not null: o = o with { AnswerAfter = TimeSpan.FromMilliseconds(n.Value) }; break;
                case "--rtp-ports" when v.Split('-') is [var from, var to] && int.TryParse(from, out var f) && int.TryParse(to, out var t) && f < t:
                    o = o with { RtpStart = f, RtpEnd = t }; break;
                default: return null;
            }
        }
        if (outDir is not null && !args.Contains("--root")) o = o with { Root = outDir };
        return (outDir, o);
    }
}
