namespace Xuc.Host.Auth;

/// <summary>Checks a login and password against the configuration store.</summary>
public interface IUserAuthenticator
{
    /// <returns>whom a token for this user names (the login as stored, his id and token version), or null when the login is unknown or the password wrong.</returns>
    Task<TokenSubject?> AuthenticateAsync(string login, string password, CancellationToken ct);
}
