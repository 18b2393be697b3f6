using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xuc.Ami.Client;
using Xuc.Tests.Support;

namespace Xuc.Tests.Ami;

public sealed class AmiClientPolicyTests
{
    [Fact]
    public void Backoff_doubles_from_the_minimum_and_never_exceeds_the_cap()
    {
        // The random source at both ends: 0 (no jitter) and just under 1 (the most jitter, 20 % shorter).
        var none = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5), () => 0.0);
        var most = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5), () => 0.999999);
        Assert.Equal([500, 1000, 2000, 4000, 5000, 5000, 5000], Enumerable.Range(0, 7).Select(a => none.Delay(a).TotalMilliseconds));
        Assert.Equal([400, 800, 1600, 3200, 4000, 4000], Enumerable.Range(0, 6).Select(a => Math.Round(most.Delay(a).TotalMilliseconds)));
        Assert.Equal(5000, none.Delay(int.MaxValue).TotalMilliseconds);
        var random = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
        Assert.All(Enumerable.Range(0, 200).Select(_ => random.Delay(10).TotalMilliseconds), d => Assert.InRange(d, 4000, 5000));
        Assert.True(Enumerable.Range(0, 50).Select(_ => random.Delay(2).TotalMilliseconds).Distinct().Count() > 10, "the jitter spreads reconnections");
    }

    [Fact]
    public void The_default_cap_is_five_seconds()
        => Assert.Equal(TimeSpan.FromSeconds(5), new AmiClientOptions().ReconnectMax);

    [Fact]
    public async Task A_pbx_that_stops_answering_pings_is_treated_as_gone_and_the_client_reconnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        var server = Task.Run(async () =>
        {
            while (true)
            {
                TcpClient tcp;
                try { tcp = await listener.AcceptTcpClientAsync(); } catch (Exception) { return; }
                var n = Interlocked.Increment(ref connections);
                _ = Task.Run(async () =>
                {
                    using var _ = tcp;
                    var stream = tcp.GetStream();
                    var reader = new StreamReader(stream);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("Asterisk Call Manager/7.0.3\r\n"));
                    var lines = new List<string>();
                    while (await reader.ReadLineAsync() is { } line)
                    {
                        if (line.Length > 0) { lines.Add(line); continue; }
                        var id = lines.First(l => l.StartsWith("ActionID: "))["ActionID: ".Length..];
                        var login = lines.Contains("Action: Login");
                        lines.Clear();
                        // The first connection hangs: it never answers a Ping. Later ones behave.
                        if (login || n > 1)
                            await stream.WriteAsync(Encoding.ASCII.GetBytes($"Response: Success\r\nActionID: {id}\r\nMessage: ok\r\n\r\n"));
                    }
                });
            }
        });

        await using var client = new AmiClient(new AmiClientOptions
        {
            Port = port, Username = "u", Secret = "s", Auth = AmiAuthMode.Plain,
            PingInterval = TimeSpan.FromMilliseconds(100), PingTimeout = TimeSpan.FromMilliseconds(300),
            ReconnectMin = TimeSpan.FromMilliseconds(50), ReconnectMax = TimeSpan.FromMilliseconds(100),
        });
        var states = new ConcurrentQueue<AmiConnectionState>();
        client.StateChanged += states.Enqueue;
        await client.StartAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await Wait.Until(() => Task.FromResult(Volatile.Read(ref connections) >= 2 && client.IsConnected), TimeSpan.FromSeconds(10), "reconnected after the silent PBX");
        Assert.Contains(states, s => s.Status == AmiLinkStatus.Disconnected && s.Reason!.Contains("Ping"));
        listener.Stop();
        await client.StopAsync();
    }

    [Fact]
    public async Task A_pbx_that_drops_the_link_in_the_middle_of_an_event_loses_only_that_event()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var pingReceived = new TaskCompletionSource();
        var server = Task.Run(async () =>
        {
            for (var n = 1; n <= 2; n++)
            {
                using var tcp = await listener.AcceptTcpClientAsync();
                var stream = tcp.GetStream();
                var reader = new StreamReader(stream);
                async Task Send(string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
                await Send("Asterisk Call Manager/7.0.3\r\n");
                var lines = new List<string>();
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.Length > 0) { lines.Add(line); continue; }
                    var id = lines.First(l => l.StartsWith("ActionID: "))["ActionID: ".Length..];
                    var action = lines.First(l => l.StartsWith("Action: "))["Action: ".Length..];
                    lines.Clear();
                    if (action == "Login")
                    {
                        await Send($"Response: Success\r\nActionID: {id}\r\nMessage: Authentication accepted\r\n\r\n");
                        await Send($"Event: Connected{n}\r\nPrivilege: system,all\r\n\r\n");
                        if (n == 2) { await reader.ReadLineAsync(); return; }
                    }
                    else if (action == "Ping" && n == 1)
                    {
                        // Unanswered Ping pending; half an event, then the PBX goes away.
                        pingReceived.TrySetResult();
                        await Send("Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/1001-0000002a\r\nUniqueid: 17000");
                        await stream.FlushAsync();
                        break;
                    }
                }
            }
        });

        await using var client = new AmiClient(new AmiClientOptions
        {
            Port = port, Username = "u", Secret = "s", Auth = AmiAuthMode.Plain, PingInterval = TimeSpan.FromMinutes(5),
            ReconnectMin = TimeSpan.FromMilliseconds(50), ReconnectMax = TimeSpan.FromMilliseconds(100),
        });
        var events = new ConcurrentQueue<string>();
        var resyncs = 0;
        client.EventReceived += e => events.Enqueue(e.Name);
        client.Resynchronise += () => Interlocked.Increment(ref resyncs);
        await client.StartAsync().WaitAsync(TimeSpan.FromSeconds(5));

        var ping = client.SendAsync(new Xuc.Ami.Actions.PingAction());
        await pingReceived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<AmiNotConnectedException>(() => ping.WaitAsync(TimeSpan.FromSeconds(5)));

        await Wait.Until(() => Task.FromResult(events.Contains("Connected2")), TimeSpan.FromSeconds(10), "the second connection's event");
        Assert.Equal(["Connected1", "Connected2"], events.Where(e => e != "FullyBooted"));
        // Once after the first login, once after the reconnection.
        await Wait.Until(() => Task.FromResult(Volatile.Read(ref resyncs) == 2), TimeSpan.FromSeconds(5), "the owners are told to resynchronise");
        await client.StopAsync();
        listener.Stop();
    }
}
