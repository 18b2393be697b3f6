using Newtonsoft.Json.Linq;
using Xuc.Host.Http;

namespace Xuc.Host.Auth;

/// <summary>PROTOCOL.md §1: POST /xuc/api/2.0/auth/login and GET /xuc/api/2.0/auth/check; POST /xuc/api/2.0/auth/logout-all (docs/security.md).</summary>
public static class AuthEndpoints
{
    public const string LoginPath = "/xuc/api/2.0/auth/login";
    public const string CheckPath = "/xuc/api/2.0/auth/check";
    public const string LogoutAllPath = "/xuc/api/2.0/auth/logout-all";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(LoginPath, Login);
        app.MapGet(CheckPath, Check).RequireAuthorization(XucPolicies.User);
        app.MapPost(LogoutAllPath, LogoutAll).RequireAuthorization(XucPolicies.User);
        return app;
    }

    /// <remarks>An exception (the store unreachable) is answered 500 UnhandledError by <see cref="UnhandledErrors"/>.</remarks>
    private static async Task<IResult> Login(HttpRequest request, IUserAuthenticator users, TokenService tokens, BodyLimits limits)
    {
        var body = await WireJson.ReadObjectAsync(request, limits.Login, "xuc.http.max-login-body (XUC_HTTP_MAX_LOGIN_BODY)");
        if (body is null)
            return WireJson.Error(400, AuthError.InvalidJson, "the body must be a JSON object {\"login\":...,\"password\":...}");
        if (body["login"] is not JValue { Type: JTokenType.String } loginToken || body["password"] is not JValue { Type: JTokenType.String } passwordToken)
            return WireJson.Error(400, AuthError.InvalidJson, "login and password must both be strings");
        var login = await users.AuthenticateAsync((string)loginToken!, (string)passwordToken!, request.HttpContext.RequestAborted);
        if (login is null)
            return WireJson.Error(401, AuthError.InvalidCredentials, "unknown login or wrong password");
        return TokenAnswer(login, tokens.Now, tokens);
    }

    /// <summary>
    /// A fresh token of the same chain: it carries the time of the login the caller's token descends from, so renewals
    /// never take it past <c>xuc.auth.token-max-life</c> after that login (docs/security.md, "Tokens").
    /// </summary>
    /// <remarks>The token was checked by <see cref="BearerAuthenticationHandler"/> (policy <see cref="XucPolicies.User"/>).</remarks>
    private static IResult Check(HttpContext context, TokenService tokens) => TokenAnswer(XucClaims.SubjectOf(context.User), XucClaims.LoggedInAtOf(context.User), tokens);

    /// <summary>
    /// Revokes every token of the caller (this one included) and closes his open CTI sessions, on every node
    /// (docs/security.md, "Tokens"); answered 200 with the login.
    /// </summary>
    private static async Task<IResult> LogoutAll(HttpContext context, Xuc.Actors.Configuration.ConfigStore store)
    {
        var subject = XucClaims.SubjectOf(context.User);
        await store.RevokeTokensAsync(subject.UserId);
        return WireJson.Json(new JObject { ["login"] = subject.Login, ["loggedOut"] = true });
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && header.Length > prefix.Length
            ? header[prefix.Length..].Trim()
            : null;
    }

    private static IResult TokenAnswer(TokenSubject subject, DateTimeOffset loggedInAt, TokenService tokens)
        => WireJson.Json(new JObject
        {
            ["login"] = subject.Login,
            ["token"] = tokens.Issue(subject, loggedInAt),
            ["TTL"] = (long)tokens.LifeOf(loggedInAt).TotalSeconds,
        });
}
