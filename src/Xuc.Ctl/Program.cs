// xuc-ctl: the operator's command line over a node's admin API (`./build.sh ctl <verb>`, docs/operations.md).
return await Xuc.Ctl.CtlProgram.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
