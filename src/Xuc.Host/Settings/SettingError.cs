namespace Xuc.Host.Settings;

/// <summary>
/// A setting the server cannot start with. Its message is the one line an operator reads: the variable, the value
/// (masked when it may hold a password) and what is expected.
/// </summary>
public sealed class SettingError(string env, string path, string value, string expected)
    : Exception($"{env}={value}: {expected}" + (path.Length > 0 ? $" (setting {path})" : ""))
{
    public string Env { get; } = env;
    public string Path { get; } = path;
}
