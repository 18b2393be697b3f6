using Xuc.Tests.Support;

namespace Xuc.Tests.Security;

/// <summary>Issue 23, Low items: bad input answered at once with the documented <c>Error</c>, over the real CTI WebSocket.</summary>
public sealed class BadInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Unsubscribing_from_the_calls_of_an_unknown_queue_is_UnknownQueue()
    {
        await using var admin = await CtiClient.LoginAsync(fixture.Server, "admin", "admin");
        await admin.ReceiveManyAsync(6);
        await admin.SendAsync("""{"claz":"web","command":"unSubscribeToQueueCalls","queueId":999}""");
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"UnknownQueue","message":"unSubscribeToQueueCalls: no queue has id 999"}}""",
            await admin.ReceiveOfTypeAsync("Error"));
        // A known queue is still answered with nothing, and the session goes on.
        await admin.SendAsync("""{"claz":"web","command":"unSubscribeToQueueCalls","queueId":1}""");
        await admin.SendAsync("""{"claz":"ping"}""");
        Assert.Equal("""{"msgType":"Pong","ctiMessage":{}}""", await admin.ReceiveOfTypeAsync("Pong", "Error"));
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"x1\"", "x1")]
    [InlineData("\"-3\"", "-3")]
    public async Task An_agentid_that_is_no_agents_id_is_InvalidArgument_at_once(string agentId, string shown)
    {
        await using var admin = await CtiClient.LoginAsync(fixture.Server, "admin", "admin");
        await admin.ReceiveManyAsync(6);
        await admin.SendAsync($$"""{"claz":"web","command":"unpauseAgent","agentid":{{agentId}}}""");
        // Within the client's patience (15 s): it used to wait the 30 s of an entity that never answers.
        Assert.Equal($$$"""{"msgType":"Error","ctiMessage":{"Error":"InvalidArgument","message":"unpauseAgent: 'agentid' must be an agent's id (a whole number), not '{{{shown}}}'"}}""",
            await admin.ReceiveOfTypeAsync("Error", "AgentError"));
    }

    [Theory]
    [InlineData("123456789012345678901234567890")]
    [InlineData("9223372036854775808")]
    [InlineData("4294967296")]
    public async Task A_queueId_beyond_int64_is_InvalidArgument_not_a_failure(string queueId)
    {
        await using var jbond = await CtiClient.LoginAsync(fixture.Server, "jbond", "jbond");
        await jbond.ReceiveConnectSequenceAsync(fixture.Server, "jbond", 8);
        await jbond.SendAsync($$"""{"claz":"web","command":"dialFromQueue","destination":"1002","queueId":{{queueId}}}""");
        // It was Error Failed (OverflowException), logged with its stack: 4.1 MB of them for 5,000 frames.
        Assert.Equal($$$"""{"msgType":"Error","ctiMessage":{"Error":"InvalidArgument","message":"dialFromQueue: 'queueId' must be a queue id, not '{{{queueId}}}'"}}""",
            await jbond.ReceiveOfTypeAsync("Error"));
    }
}
