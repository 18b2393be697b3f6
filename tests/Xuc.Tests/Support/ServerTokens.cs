using Xuc.Host.Auth;

namespace Xuc.Tests.Support;

/// <summary>Whom a token of a server's user names (his id and token version as the store holds them), to sign one by hand.</summary>
public static class ServerTokens
{
    public static async Task<TokenSubject> SubjectAsync(TestServer server, string login)
    {
        var user = await server.App.Store.FindUserByLoginAsync(login) ?? throw new InvalidOperationException($"no user {login}");
        return new TokenSubject(user.Login, user.Id, user.TokenVersion);
    }
}
