using Microsoft.Extensions.Logging;

namespace Xuc.Ami.Client;

/// <summary>One line for an operator's log, or nothing.</summary>
public sealed record AmiLogLine(LogLevel Level, string Text);

/// <summary>
/// What the link's owner logs as the client's state changes: one line when a problem starts (a refused login at
/// Error, a lost or unreachable PBX at Warning), one when it ends, and only Debug lines for the attempts between,
/// so a PBX down for an hour is two lines, not one per retry.
/// </summary>
public sealed class AmiLinkLog(AmiClientOptions options)
{
    private AmiLinkStatus? _problem;
    private bool _everConnected;
    private int _failedAttempts;

    private string Where => $"{options.Host}:{options.Port}";
    private string Every => $"retrying every {options.ReconnectMax.TotalSeconds:0.###} s";

    public AmiLogLine? On(AmiConnectionState state)
    {
        switch (state.Status)
        {
            case AmiLinkStatus.Connected:
                var line = _problem switch
                {
                    null when !_everConnected => new AmiLogLine(LogLevel.Information, $"AMI connected to {Where} as {options.Username}"),
                    AmiLinkStatus.LoginRefused => new AmiLogLine(LogLevel.Information,
                        $"AMI login accepted for user {options.Username} at {Where} after {_failedAttempts} failed attempt(s)"),
                    _ => new AmiLogLine(LogLevel.Information, $"AMI reconnected to {Where} after {_failedAttempts} failed attempt(s)"),
                };
                _everConnected = true;
                _problem = null;
                _failedAttempts = 0;
                return line;
            case AmiLinkStatus.LoginRefused or AmiLinkStatus.Disconnected:
                var first = _problem != state.Status;
                var wasConnected = _problem is null && _everConnected;
                _problem = state.Status;
                _failedAttempts++;
                if (!first) return new AmiLogLine(LogLevel.Debug, $"AMI attempt {_failedAttempts} to {Where} failed: {state.Reason}");
                return state.Status == AmiLinkStatus.LoginRefused
                    ? new AmiLogLine(LogLevel.Error, $"AMI login refused for user {options.Username} at {Where}: {state.Reason}; {Every}")
                    : new AmiLogLine(LogLevel.Warning, wasConnected
                        ? $"AMI link to {Where} lost: {state.Reason}; {Every}"
                        : $"AMI cannot reach {Where}: {state.Reason}; {Every}");
            default:
                return null;
        }
    }
}
