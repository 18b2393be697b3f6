namespace Xuc.Tests.Support;

public static class Wait
{
    /// <summary>Polls until the condition holds or the deadline passes (no bare sleeps in assertions).</summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"not within {within.TotalSeconds}s: {what}");
    }
}
