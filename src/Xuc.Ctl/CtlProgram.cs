using System.CommandLine;
using Newtonsoft.Json.Linq;

namespace Xuc.Ctl;

/// <summary>
/// The verbs (Petabridge.Cmd's where they exist, docs/operations.md): each one request to the ops API and a table of
/// its answer, or the answer itself with <c>--json</c>. <see cref="RunAsync"/> is the whole program (Program.cs and the
/// tests call it).
/// </summary>
public static class CtlProgram
{
    public const string DefaultServer = "http://127.0.0.1:8090";

    private static readonly Option<string?> Server = new("--server", "-s") { Description = $"the node's HTTP address (XUC_CTL_SERVER; {DefaultServer})", Recursive = true };
    private static readonly Option<string?> Token = new("--token") { Description = "an Admin user's bearer token (XUC_CTL_TOKEN)", Recursive = true };
    private static readonly Option<string?> Login = new("--login") { Description = "an Admin user's login, to log in with --password (XUC_CTL_LOGIN)", Recursive = true };
    private static readonly Option<string?> Password = new("--password") { Description = "his password (XUC_CTL_PASSWORD)", Recursive = true };
    private static readonly Option<bool> Json = new("--json") { Description = "print the server's JSON answer instead of a table", Recursive = true };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var root = new RootCommand("xuc-ctl: operate a Xuc cluster through any node's admin API (docs/operations.md)");
        foreach (var option in new Option[] { Server, Token, Login, Password, Json }) root.Options.Add(option);
        foreach (var command in Verbs.All(context => new Runner(context, stdout, stderr, environment))) root.Subcommands.Add(command);
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs one verb: sends its request, prints its answer, turns a failure into one line and its exit code.</summary>
    public sealed class Runner(ParseResult parsed, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        public async Task<int> RunAsync(Func<OpsClient, Task<JObject>> request, Func<JObject, string> table)
        {
            var serverText = parsed.GetValue(Server) ?? environment("XUC_CTL_SERVER") ?? DefaultServer;
            if (!Uri.TryCreate(serverText, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            {
                await stderr.WriteLineAsync($"xuc-ctl: --server (XUC_CTL_SERVER) must be an http:// or https:// address, not '{serverText}'");
                return ExitCodes.Usage;
            }
            using var client = new OpsClient(server, parsed.GetValue(Token) ?? environment("XUC_CTL_TOKEN"),
                parsed.GetValue(Login) ?? environment("XUC_CTL_LOGIN"), parsed.GetValue(Password) ?? environment("XUC_CTL_PASSWORD"));
            try
            {
                var answer = await request(client);
                await stdout.WriteAsync(parsed.GetValue(Json) ? answer.ToString(Newtonsoft.Json.Formatting.Indented) + Environment.NewLine : table(answer));
                return ExitCodes.Ok;
            }
            catch (CtlException e)
            {
                await stderr.WriteLineAsync("xuc-ctl: " + e.Message);
                return e.ExitCode;
            }
        }
    }
}
