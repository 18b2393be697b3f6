namespace Xuc.Ctl;

/// <summary>The exit codes of <c>ctl</c> (docs/operations.md, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Unknown verb, missing or bad argument (System.CommandLine's own parse errors exit 1 too).</summary>
    public const int Usage = 1;
    /// <summary>The server could not be reached, or refused the credentials (401 / 403: not an Admin).</summary>
    public const int Unreachable = 2;
    /// <summary>The server refused the operation, or what it names does not exist (400, 404, 409).</summary>
    public const int Refused = 3;
    /// <summary>The server could not answer (5xx: a node or actor did not answer in time, the PBX is down).</summary>
    public const int ServerError = 4;
}

/// <summary>A failure that ends the command with its exit code and one line on stderr.</summary>
public sealed class CtlException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
