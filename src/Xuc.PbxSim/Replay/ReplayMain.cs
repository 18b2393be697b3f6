using Xuc.Ami.Recording;

namespace Xuc.PbxSim.Replay;

/// <summary>The <c>--replay FILE [--speed 1|10|max] [--loop]</c> entry point: one line per operator error, exit code 2.</summary>
internal static class ReplayMain
{
    public static async Task<int> RunAsync(string file, string speedText, bool loop, PbxSimOptions pbx)
    {
        if (file.Length == 0 || file.StartsWith("--", StringComparison.Ordinal)) return Fail("--replay needs a file: --replay FILE");
        if (!File.Exists(file)) return Fail($"--replay {file}: no such file");
        if (!ReplayOptions.TryParseSpeed(speedText, out var speed)) return Fail($"--speed {speedText}: expected a positive number (1, 10) or max");
        AmiCapture capture;
        try { capture = AmiCaptureReader.ReadFile(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Fail($"--replay {file}: {e.Message}"); }
        var script = ReplayScript.From(capture);
        await using var server = new ReplayServer(script, new ReplayOptions { Speed = speed, Loop = loop }, pbx);
        try { await server.StartAsync(); }
        catch (System.Net.Sockets.SocketException e) { return Fail($"--port {pbx.Port}: {e.Message}"); }
        Console.WriteLine($"PbxSim replay of {file} on 127.0.0.1:{server.Port} (manager user '{pbx.ManagerUsers.Keys.First()}'): "
            + $"{script.EventCount} events, {script.AnswerCount} recorded answers; skipped {capture.SkippedLines} non-header lines, "
            + $"{capture.SkippedActions} client actions, {capture.DuplicateEvents} repeated debug events, {script.DroppedAnswers} answers to live or unknown actions; "
            + $"speed {(speed is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "max")}{(loop ? ", looping" : "")}");
        var done = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => done.TrySetResult();
        await done.Task;
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
