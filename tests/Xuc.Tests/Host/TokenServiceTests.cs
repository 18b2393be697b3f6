using System.Text;
using Xuc.Host.Auth;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

public sealed class TokenServiceTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly TokenSubject James = new("jbond", 1, 7);

    [Fact]
    public async Task A_fresh_token_carries_the_login()
    {
        var tokens = new TokenService(Key, TimeSpan.FromMinutes(5));
        var check = await tokens.CheckAsync(tokens.Issue(James));
        Assert.True(check.IsValid);
        Assert.Equal(James, check.Subject);
    }

    [Fact]
    public async Task A_token_past_its_ttl_is_TokenExpired()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var tokens = new TokenService(Key, TimeSpan.FromSeconds(30), clock);
        var token = tokens.Issue(James);
        clock.Advance(TimeSpan.FromSeconds(31));
        var check = await tokens.CheckAsync(token);
        Assert.False(check.IsValid);
        Assert.Equal(AuthError.TokenExpired, check.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task Garbage_is_InvalidToken(string token)
    {
        var check = await new TokenService(Key, TimeSpan.FromMinutes(5)).CheckAsync(token);
        Assert.Equal(AuthError.InvalidToken, check.Error);
    }

    [Fact]
    public async Task A_tampered_payload_or_another_key_is_InvalidToken()
    {
        var tokens = new TokenService(Key, TimeSpan.FromMinutes(5));
        var token = tokens.Issue(James);
        var parts = token.Split('.');
        var forgedPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"login\":\"admin\",\"iss\":\"xuc\",\"exp\":9999999999}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var tampered = parts[0] + "." + forgedPayload + "." + parts[2];
        Assert.Equal(AuthError.InvalidToken, (await tokens.CheckAsync(tampered)).Error);

        var other = new TokenService(Encoding.UTF8.GetBytes("another key of thirty-two bytes!!"), TimeSpan.FromMinutes(5));
        Assert.Equal(AuthError.InvalidToken, (await other.CheckAsync(token)).Error);
    }

    [Fact]
    public void A_configured_secret_gives_the_same_key_on_every_node_and_an_empty_one_is_kept_on_disk()
    {
        using var dir = new TempDirectory();
        Assert.Equal(TokenService.ResolveKey("s3cret", dir.Path), TokenService.ResolveKey("s3cret", "/nonexistent"));
        var generated = TokenService.ResolveKey("", dir.Path);
        Assert.Equal(generated, TokenService.ResolveKey("", dir.Path));
        Assert.Equal(32, generated.Length);
    }
}
