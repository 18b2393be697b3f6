using Xuc.PbxSim;
using Xuc.PbxSim.Model;
using Xuc.Tests.Support;

namespace Xuc.Tests.PbxSim;

public sealed class PbxSimSlowClientTests
{
    [Fact]
    public void By_default_a_client_is_cut_off_at_500000_queued_messages()
        => Assert.Equal(500_000, new PbxSimOptions().MaxQueuedPerClient);

    [Fact]
    public async Task A_client_that_stops_reading_is_disconnected_once_its_queue_is_full()
    {
        // A small limit so the flood stays small; the socket buffers absorb some events before the queue grows.
        await using var sim = new PbxSimulator(new PbxSimOptions { Port = 0, MaxQueuedPerClient = 2_000 });
        DefaultModel.Seed(sim.Model);
        await sim.StartAsync();
        await using var slow = await RawAmi.ConnectAsync(sim.Port);
        await slow.LoginAsync();
        Assert.Equal(1, sim.SessionCount);

        // The client reads nothing more; the PBX keeps producing events until it gives up on the client.
        for (var i = 0; i < 2_000_000 && sim.SessionCount > 0; i++)
            sim.Model.SetMailbox("1001", i % 7, 0);
        await Wait.Until(() => Task.FromResult(sim.SessionCount == 0), TimeSpan.FromSeconds(10), "the slow client is disconnected");

        // The simulator still serves others.
        await using var next = await RawAmi.ConnectAsync(sim.Port);
        Assert.Equal("Success", (await next.LoginAsync()).Get("Response"));
    }
}
