using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Xuc.Host.Auth;

/// <summary>
/// Issues and checks the signed, expiring tokens of PROTOCOL.md §1 (JWT, HMAC-SHA256). A token names its user three
/// ways (docs/security.md, "Tokens"): the login, the stable user id and the user's token version, so that a token
/// outlives neither a password or profile change, nor the user's deletion, nor a <c>logout-all</c>; and it carries the
/// time of the login it descends from, past which (<see cref="MaxLife"/>) <c>/auth/check</c> cannot extend it.
/// </summary>
public sealed class TokenService
{
    private const string Issuer = "xuc";
    private const string LoginClaim = "login", UserIdClaim = "uid", VersionClaim = "ver", LoginTimeClaim = "auth_time";
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _clock;

    public TimeSpan Ttl { get; }

    /// <summary>The longest a chain of <c>/auth/check</c> renewals lives after its login (<c>xuc.auth.token-max-life</c>).</summary>
    public TimeSpan MaxLife { get; }

    public TokenService(byte[] key, TimeSpan ttl, TimeProvider? clock = null, TimeSpan? maxLife = null)
    {
        if (key.Length < 32) throw new ArgumentException("the token key must be at least 256 bits", nameof(key));
        _key = new SymmetricSecurityKey(key);
        Ttl = ttl;
        MaxLife = maxLife ?? TimeSpan.FromHours(12);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>A configured secret (any text, stretched by SHA-256), or a random key kept in the data directory.</summary>
    public static byte[] ResolveKey(string configuredSecret, string dataDir)
    {
        if (!string.IsNullOrEmpty(configuredSecret))
            return SHA256.HashData(Encoding.UTF8.GetBytes(configuredSecret));
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, "token.key");
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length >= 32) return existing;
        }
        var fresh = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(fresh));
        return fresh;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>A token for a login that happens now.</summary>
    public string Issue(TokenSubject subject) => Issue(subject, _clock.GetUtcNow());

    /// <summary>
    /// A token of the chain that started with the login at <paramref name="loggedInAt"/> (a renewal keeps it): it
    /// expires after <see cref="Ttl"/>, but never later than <see cref="MaxLife"/> after that login.
    /// </summary>
    public string Issue(TokenSubject subject, DateTimeOffset loggedInAt)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var expires = Min(now + Ttl, loggedInAt.UtcDateTime + MaxLife);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Claims = new Dictionary<string, object>
            {
                [LoginClaim] = subject.Login,
                [UserIdClaim] = subject.UserId,
                [VersionClaim] = subject.Version,
                [LoginTimeClaim] = loggedInAt.ToUnixTimeSeconds(),
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>How long a token issued now for a login at <paramref name="loggedInAt"/> lives (the answer's TTL).</summary>
    public TimeSpan LifeOf(DateTimeOffset loggedInAt)
    {
        var now = _clock.GetUtcNow();
        var end = loggedInAt + MaxLife;
        return end - now < Ttl ? end - now : Ttl;
    }

    public async Task<TokenCheck> CheckAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return TokenCheck.Fail(AuthError.InvalidToken, "empty token");
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = _clock.GetUtcNow().UtcDateTime;
                return expires is { } e && e > now && (notBefore is null || notBefore <= now.AddSeconds(1));
            },
        });
        if (result.IsValid)
        {
            // A token without the user's id and version (issued before them) names its user by login only: refused.
            if (result.Claims.TryGetValue(LoginClaim, out var login) && login is string l && l.Length > 0
                && Whole(result.Claims, UserIdClaim) is { } userId && Whole(result.Claims, VersionClaim) is { } version
                && Whole(result.Claims, LoginTimeClaim) is { } loggedIn)
                return TokenCheck.Ok(new TokenSubject(l, (int)userId, version), DateTimeOffset.FromUnixTimeSeconds(loggedIn));
            return TokenCheck.Fail(AuthError.InvalidToken, "the token is not valid");
        }
        if (result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException)
            return TokenCheck.Fail(AuthError.TokenExpired, "the token has expired");
        return TokenCheck.Fail(AuthError.InvalidToken, "the token is not valid");
    }

    private static long? Whole(IDictionary<string, object> claims, string name) => claims.TryGetValue(name, out var value)
        ? value switch
        {
            int i => i,
            long n => n,
            string s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        }
        : null;
}

/// <summary>Whom a token names: the login, the user's stable id and his token version when it was issued.</summary>
public sealed record TokenSubject(string Login, int UserId, long Version);

public sealed record TokenCheck(bool IsValid, TokenSubject? Subject, DateTimeOffset LoggedInAt, string? Error, string? Message)
{
    public string? Login => Subject?.Login;
    public static TokenCheck Ok(TokenSubject subject, DateTimeOffset loggedInAt) => new(true, subject, loggedInAt, null, null);
    public static TokenCheck Fail(string error, string message) => new(false, null, default, error, message);
}

/// <summary>The error codes of PROTOCOL.md §1; clients compare them as strings.</summary>
public static class AuthError
{
    public const string InvalidCredentials = "InvalidCredentials";
    public const string InvalidJson = "InvalidJson";
    public const string UnhandledError = "UnhandledError";
    public const string TokenExpired = "TokenExpired";
    public const string InvalidToken = "InvalidToken";
    public const string BearerNotFound = "BearerNotFound";
    public const string NotAuthorized = "NotAuthorized";
    public const string PayloadTooLarge = "PayloadTooLarge";
}
