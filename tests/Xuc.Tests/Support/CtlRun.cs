using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Xuc.Ctl;

namespace Xuc.Tests.Support;

/// <summary>The real <c>xuc-ctl</c> entry point (<see cref="CtlProgram.RunAsync"/>) against a server, its output captured.</summary>
public static partial class CtlRun
{
    public sealed record Result(int Code, string Out, string Err)
    {
        public JObject Json => JObject.Parse(Out);
        public override string ToString() => $"exit {Code}; stdout: {Out}; stderr: {Err}";
    }

    /// <summary>Runs <paramref name="args"/> with <c>--server</c> the server's address and, when given, <c>--token</c>; no environment.</summary>
    public static async Task<Result> RunAsync(Uri server, string? token, params string[] args)
    {
        var given = new List<string> { "--server", server.ToString() };
        if (token is not null) given.AddRange(["--token", token]);
        given.AddRange(args);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CtlProgram.RunAsync([.. given], stdout, stderr, _ => null);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>One scrape of <c>/metrics</c>: each series (<c>name{labels}</c>) and its value.</summary>
    public static async Task<Dictionary<string, double>> ScrapeAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/metrics");
        return SeriesLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^([a-z_]+(?:\{[^}]*\})?) (\S+)$", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}
