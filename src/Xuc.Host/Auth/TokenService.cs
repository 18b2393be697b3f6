using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Xuc.Host.Auth;

/// <summary>Issues and checks the signed, expiring tokens of PROTOCOL.md §1 (JWT, HMAC-SHA256).</summary>
public sealed class TokenService
{
    private const string Issuer = "xuc";
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _clock;

    public TimeSpan Ttl { get; }

    public TokenService(byte[] key, TimeSpan ttl, TimeProvider? clock = null)
    {
        if (key.Length < 32) throw new ArgumentException("the token key must be at least 256 bits", nameof(key));
        _key = new SymmetricSecurityKey(key);
        Ttl = ttl;
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

    public string Issue(string login)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity([new Claim("login", login)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Ttl,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
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
        if (result.IsValid && result.Claims.TryGetValue("login", out var login) && login is string l && l.Length > 0)
            return TokenCheck.Ok(l);
        if (result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException)
            return TokenCheck.Fail(AuthError.TokenExpired, "the token has expired");
        return TokenCheck.Fail(AuthError.InvalidToken, "the token is not valid");
    }
}

public sealed record TokenCheck(bool IsValid, string? Login, string? Error, string? Message)
{
    public static TokenCheck Ok(string login) => new(true, login, null, null);
    public static TokenCheck Fail(string error, string message) => new(false, null, error, message);
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
