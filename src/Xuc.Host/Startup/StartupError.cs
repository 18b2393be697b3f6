namespace Xuc.Host.Startup;

/// <summary>
/// Why the server could not start, as the one line printed on stderr, and the process exit code
/// (the table is in docs/operations.md).
/// </summary>
public sealed class StartupError(int exitCode, string line, Exception? inner = null) : Exception(line, inner)
{
    /// <summary>Something unexpected (a bug): the line names the exception.</summary>
    public const int Unexpected = 1;
    /// <summary>A setting has a value the server cannot use (a number that is not one, an unknown word, a bad connection string).</summary>
    public const int BadSetting = 2;
    /// <summary>A port the server must listen on is already taken.</summary>
    public const int PortInUse = 3;
    /// <summary>The database refused the login, or did not answer within XUC_DB_STARTUP_TIMEOUT.</summary>
    public const int DatabaseUnavailable = 4;
    /// <summary>Connected to a real PBX with default passwords (the demo seed, or an admin whose password is his login): docs/security.md.</summary>
    public const int InsecureStart = 5;

    public int ExitCode { get; } = exitCode;

    /// <summary>The exit code and the one line for any exception start-up threw.</summary>
    public static (int ExitCode, string Line) Describe(Exception e) => e switch
    {
        StartupError s => (s.ExitCode, s.Message),
        Settings.SettingError s => (BadSetting, s.Message),
        _ => (Unexpected, $"{e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}"),
    };
}
