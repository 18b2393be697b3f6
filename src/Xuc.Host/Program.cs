using Xuc.Host.Startup;

// Xuc: `dotnet run --project src/Xuc.Host` starts the server (embedded default: SQLite + bundled PBX simulator + demo users);
// `dotnet run --project src/Xuc.Host -- import-config FILE.json` imports a whole configuration file;
// `... -- asterisk-config OUTDIR` writes an Asterisk 22 configuration generated from the store (docs/real-asterisk.md).
XucApp app;
try
{
    if (args.Length > 0 && args[0] == "import-config")
        return await ImportCommand.RunAsync(args[1..], Console.Out, Console.Error);
    if (args.Length > 0 && args[0] == "asterisk-config")
        return await Xuc.Host.AsteriskConfig.AsteriskConfigCommand.RunAsync(args[1..], Console.Out, Console.Error);
    app = await XucApp.StartAsync(print: Console.WriteLine);
}
catch (Exception e)
{
    // One line naming the setting and its value, and a documented exit code (docs/operations.md); no stack trace.
    var (code, line) = StartupError.Describe(e);
    Console.Error.WriteLine("xuc: cannot start: " + line);
    return code;
}
await using (app)
{
    var stopped = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
    await Task.WhenAny(stopped.Task, app.Web.WaitForShutdownAsync());
}
return 0;
