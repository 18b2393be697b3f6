using Xuc.Actors.Configuration;

namespace Xuc.Host.Auth;

/// <summary>Logins and PBKDF2 password hashes from the configuration store.</summary>
public sealed class ConfigStoreAuthenticator(ConfigStore store) : IUserAuthenticator
{
    // Verifying against a fixed hash when the login is unknown keeps both answers equally slow.
    private static readonly string DummyHash = PasswordHasher.Hash("not-a-real-password");

    public async Task<TokenSubject?> AuthenticateAsync(string login, string password, CancellationToken ct)
    {
        var user = await store.FindUserByLoginAsync(login);
        var ok = PasswordHasher.Verify(password, user?.PasswordHash ?? DummyHash);
        return ok && user is not null ? new TokenSubject(user.Login, user.Id, user.TokenVersion) : null;
    }
}
