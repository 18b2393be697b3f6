namespace Xuc.Ami.Client;

/// <summary>The PBX refused the manager login (wrong user or secret): not retried, fix the configuration.</summary>
public sealed class AmiLoginRefusedException(string message) : Exception(message);

/// <summary>No response to an action within its timeout.</summary>
public sealed class AmiActionTimeoutException(string action, TimeSpan timeout)
    : TimeoutException($"no response to {action} within {timeout.TotalSeconds:0.#} s");

/// <summary>The connection was lost (or not up) while an action waited for its response.</summary>
public sealed class AmiNotConnectedException(string message) : Exception(message);
