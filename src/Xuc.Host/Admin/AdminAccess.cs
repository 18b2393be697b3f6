using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.Admin;

/// <summary>The admin API is for users whose rights profile is Admin (or who have none, as PROTOCOL.md §3 reads it).</summary>
public static class AdminAccess
{
    /// <returns>null when the caller is an admin, else the error response to send.</returns>
    public static async Task<IResult?> RefuseUnlessAdmin(HttpRequest request, TokenService tokens, ConfigStore store)
    {
        var bearer = AuthEndpoints.BearerToken(request);
        if (bearer is null) return WireJson.Error(401, AuthError.BearerNotFound, "no 'Authorization: Bearer <token>' header");
        var check = await tokens.CheckAsync(bearer);
        if (!check.IsValid) return WireJson.Error(401, check.Error!, check.Message!);
        var user = await store.FindUserByLoginAsync(check.Login!);
        if (user is null) return WireJson.Error(401, AuthError.InvalidToken, "the token's user no longer exists");
        if (user.RightProfileId is null) return null;
        var profile = (RightProfile?)await store.GetAsync(ConfigKinds.RightProfile, user.RightProfileId.Value.ToString());
        return profile is null || profile.Kind == ProfileKind.Admin
            ? null
            : WireJson.Error(403, AuthError.NotAuthorized, "the admin API needs the Admin profile");
    }
}
