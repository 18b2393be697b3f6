using Xuc.PbxSim;
using Xuc.PbxSim.Control;
using Xuc.PbxSim.Model;
using Xuc.PbxSim.Replay;

// Standalone PBX simulator: dotnet run --project src/Xuc.PbxSim -- [--port 5038] [--control-port 5039] [--tech PJSIP|SIP]
//   [--user xuc --secret xucpass] [--auto-answer MS] [--events realistic|minimal] [--system-name NAME] [--ami-version 7.0.3|11.0.0]
// or a recorded AMI stream: --replay FILE [--speed 1|10|max] [--loop] (see docs/pbxsim.md)
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var events = Arg("--events", "realistic").ToLowerInvariant();
if (events is not ("realistic" or "minimal"))
{
    Console.Error.WriteLine($"--events must be realistic or minimal, not '{events}'");
    return 2;
}
var options = new PbxSimOptions
{
    Events = events == "minimal" ? SimEventLevel.Minimal : SimEventLevel.Realistic,
    SystemName = Arg("--system-name", ""),
    Port = int.Parse(Arg("--port", "5038")),
    ChannelTech = Arg("--tech", "PJSIP"),
    AmiVersion = Arg("--ami-version", "7.0.3"),
    ManagerUsers = new Dictionary<string, string> { [Arg("--user", "xuc")] = Arg("--secret", "xucpass") },
};
if (args.Contains("--replay"))
    return await ReplayMain.RunAsync(Arg("--replay", ""), Arg("--speed", "1"), args.Contains("--loop"), options);
await using var sim = new PbxSimulator(options);
DefaultModel.Seed(sim.Model);
if (args.Contains("--auto-answer"))
    sim.Model.SetAllEndpointsBehaviour(EndpointBehaviour.AutoAnswer, TimeSpan.FromMilliseconds(int.Parse(Arg("--auto-answer", "2000"))));
await sim.StartAsync();
var controlPort = int.Parse(Arg("--control-port", "5039"));
await using var control = new ControlServer(sim, controlPort);
control.Start();
Console.WriteLine($"PbxSim (Asterisk 18 AMI {options.AmiVersion}) on 127.0.0.1:{sim.Port}, manager user '{options.ManagerUsers.Keys.First()}'; control API on http://127.0.0.1:{controlPort}/status");
var done = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => done.TrySetResult();
await done.Task;
return 0;
