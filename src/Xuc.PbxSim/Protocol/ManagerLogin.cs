using System.Security.Cryptography;
using System.Text;

namespace Xuc.PbxSim.Protocol;

/// <summary>manager.c authenticate: the user must exist, then <c>Secret</c> matches, or with <c>AuthType: MD5</c> the <c>Key</c> is md5(challenge + secret).</summary>
internal static class ManagerLogin
{
    public static bool Verify(IReadOnlyDictionary<string, string> users, string? challenge, AmiRequest r)
    {
        if (!users.TryGetValue(r["Username"] ?? "", out var secret)) return false;
        if (!string.Equals(r["AuthType"], "MD5", StringComparison.OrdinalIgnoreCase)) return r["Secret"] == secret;
        var expected = challenge is null ? null : Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(challenge + secret)));
        return expected is not null && string.Equals(r["Key"], expected, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A fresh challenge, as manager.c's action_challenge makes one (a random number).</summary>
    public static string NewChallenge() => RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
