using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.UserServices;

/// <summary>The end of a session's phone-service command or status actions: the Errors to send it (none when all went well).</summary>
public sealed record ServicesDone(List<CtiError> Errors)
{
    public static Task<ServicesDone> Of(Task<CtiError?> work, string command)
    {
        return Of(One(), command);

        async Task<IReadOnlyList<CtiError>> One() => await work is { } error ? [error] : [];
    }

    /// <remarks>A failure the desk did not expect still answers the session, never leaves it silent.</remarks>
    public static async Task<ServicesDone> Of(Task<IReadOnlyList<CtiError>> work, string command)
    {
        try
        {
            return new ServicesDone([.. await work]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ServicesDone([new CtiError(CtiErrors.ServiceFailed, $"{command}: {e.GetBaseException().Message}")]);
        }
    }
}
