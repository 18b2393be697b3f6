using Newtonsoft.Json.Linq;
using Xuc.Host.Http;

namespace Xuc.Host.Auth;

/// <summary>PROTOCOL.md §1: POST /xuc/api/2.0/auth/login and GET /xuc/api/2.0/auth/check.</summary>
public static class AuthEndpoints
{
    public const string LoginPath = "/xuc/api/2.0/auth/login";
    public const string CheckPath = "/xuc/api/2.0/auth/check";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(LoginPath, Login);
        app.MapGet(CheckPath, Check).RequireAuthorization(XucPolicies.User);
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
        return TokenAnswer(login, tokens);
    }

    /// <remarks>The token was checked by <see cref="BearerAuthenticationHandler"/> (policy <see cref="XucPolicies.User"/>).</remarks>
    private static IResult Check(HttpContext context, TokenService tokens) => TokenAnswer(XucClaims.LoginOf(context.User), tokens);

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && header.Length > prefix.Length
            ? header[prefix.Length..].Trim()
            : null;
    }

    private static IResult TokenAnswer(string login, TokenService tokens)
        => WireJson.Json(new JObject
        {
            ["login"] = login,
            ["token"] = tokens.Issue(login),
            ["TTL"] = (long)tokens.Ttl.TotalSeconds,
        });
}
