namespace Xuc.Host.Auth;

/// <summary>Checks a login and password against the configuration store.</summary>
public interface IUserAuthenticator
{
    /// <returns>the user's login as stored, or null when the login is unknown or the password wrong.</returns>
    Task<string?> AuthenticateAsync(string login, string password, CancellationToken ct);
}
