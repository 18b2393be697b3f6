using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Xuc.Actors.Configuration;
using Xuc.Actors.Sessions;
using Xuc.Host.Http;
using Xuc.Host.WebSocket;

namespace Xuc.Host.Auth;

/// <summary>
/// The one place a bearer token is checked (PROTOCOL.md §1): the <c>Authorization: Bearer</c> header, or for the CTI
/// WebSocket upgrade the <c>?token=</c> query. A valid token of an existing user gives a principal with the login, the
/// user id and the rights profile; a refusal is answered 401 with the REST error body (BearerNotFound, InvalidToken,
/// TokenExpired), a policy refusal 403 NotAuthorized.
/// </summary>
public sealed class BearerAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenService tokens, ConfigStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "XucBearer";

    /// <summary>The CTI upgrade's token travels in the query (a browser's WebSocket cannot set headers).</summary>
    private bool TokenInQuery => Request.Path.Equals(CtiEndpoint.Path, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var fromQuery = TokenInQuery ? Request.Query["token"].ToString() : "";
        var token = fromQuery.Length > 0 ? fromQuery : AuthEndpoints.BearerToken(Request);
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        var check = await tokens.CheckAsync(token);
        if (!check.IsValid) return AuthenticateResult.Fail(new BearerRefusal(check.Error!, check.Message!));
        var subject = check.Subject!;
        var user = await store.FindUserByLoginAsync(subject.Login);
        // The same login given to another user (the first deleted) is another user: his id differs, or his version.
        if (user is null || user.Id != subject.UserId)
            return AuthenticateResult.Fail(new BearerRefusal(AuthError.InvalidToken, "the token's user no longer exists"));
        if (user.TokenVersion != subject.Version)
            return AuthenticateResult.Fail(new BearerRefusal(AuthError.InvalidToken, "the token was revoked (a password or profile change, or a logout-all): log in again"));
        var profile = await StoreSessionDirectory.ProfileOfAsync(store, user);
        var identity = new ClaimsIdentity(
        [
            new Claim(XucClaims.Login, user.Login),
            new Claim(XucClaims.UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(XucClaims.TokenVersion, user.TokenVersion.ToString(CultureInfo.InvariantCulture)),
            new Claim(XucClaims.LoggedInAt, check.LoggedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new Claim(XucClaims.Profile, profile.ToString()),
        ], SchemeName, XucClaims.Login, XucClaims.Profile);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var answer = result.Failure is BearerRefusal refusal
            ? WireJson.Error(401, refusal.Code, refusal.Message)
            : TokenInQuery
                ? WireJson.Error(401, AuthError.BearerNotFound, "no token: open the socket with ?token=<token>")
                : WireJson.Error(401, AuthError.BearerNotFound, "no 'Authorization: Bearer <token>' header");
        await answer.ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => WireJson.Error(403, AuthError.NotAuthorized, "the admin API needs the Admin profile").ExecuteAsync(Context);

    private sealed class BearerRefusal(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}

/// <summary>The claims <see cref="BearerAuthenticationHandler"/> puts on an authenticated caller.</summary>
public static class XucClaims
{
    public const string Login = "login";
    public const string UserId = "xuc-user-id";
    public const string Profile = "xuc-profile";
    public const string TokenVersion = "xuc-token-version";
    public const string LoggedInAt = "xuc-logged-in-at";

    public static string LoginOf(ClaimsPrincipal user) => Claim(user, Login);

    public static TokenSubject SubjectOf(ClaimsPrincipal user) => new(LoginOf(user),
        int.Parse(Claim(user, UserId), CultureInfo.InvariantCulture), long.Parse(Claim(user, TokenVersion), CultureInfo.InvariantCulture));

    public static DateTimeOffset LoggedInAtOf(ClaimsPrincipal user) => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Claim(user, LoggedInAt), CultureInfo.InvariantCulture));

    private static string Claim(ClaimsPrincipal user, string type) => user.FindFirstValue(type) ?? throw new InvalidOperationException("not an authenticated Xuc caller");
}

/// <summary>The authorization policies: any valid user, or an Admin-profile user.</summary>
public static class XucPolicies
{
    public const string User = "XucUser";
    public const string Admin = "XucAdmin";

    public static IServiceCollection AddXucAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(User, p => p.AddAuthenticationSchemes(BearerAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Admin, p => p.AddAuthenticationSchemes(BearerAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(XucClaims.Profile, nameof(Xuc.Actors.Configuration.Model.ProfileKind.Admin)));
        return services;
    }
}
