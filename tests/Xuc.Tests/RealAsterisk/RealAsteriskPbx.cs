using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xuc.Actors.Configuration;
using Xuc.Ami.Actions;
using Xuc.Ami.Client;
using Xuc.Host.AsteriskConfig;

namespace Xuc.Tests.RealAsterisk;

/// <summary>
/// One Asterisk 22 of its own, started from the chroot with a configuration freshly generated from a store
/// (<see cref="AsteriskConfigCommand.Write"/>, what <c>./build.sh asterisk</c> writes) in a directory of its own inside
/// the chroot, on free ports, with one SIPp phone per line; and a manager connection of its own for the test's side
/// of the PBX (outside callers, hang-ups, what the PBX holds). Disposing stops everything and removes the directory.
/// </summary>
public sealed class RealAsteriskPbx : IAsyncDisposable
{
    public const string User = "xuc";
    public const string Secret = "xucpass";
    /// <summary>How long the queues ring their members (a ring-no-answer scenario waits that long; an abandon hangs up well before).</summary>
    public const int QueueRingSeconds = 8;

    private readonly string _dir;
    private readonly string _root;
    private readonly AsteriskConfigOptions _options;
    private readonly Dictionary<string, (Phone Phone, Process Process)> _phones = new();
    private Process? _asterisk;
    private int _calls;

    public int AmiPort => _options.AmiPort;
    public AmiClient Ami { get; }

    private RealAsteriskPbx(string name, AsteriskConfigOptions options)
    {
        _root = "/xuc/" + name;
        _dir = Path.Combine(AsteriskChroot.Directory, "xuc", name);
        _options = options with { Root = _root };
        Ami = new AmiClient(new AmiClientOptions { Port = options.AmiPort, Username = User, Secret = Secret, ReconnectMax = TimeSpan.FromSeconds(1) });
    }

    /// <summary>Writes the configuration of <paramref name="config"/> and starts Asterisk and the phones (answering after <paramref name="answerAfter"/>).</summary>
    public static async Task<RealAsteriskPbx> StartAsync(ConfigSnapshot config, int amiPort, TimeSpan answerAfter)
    {
        if (AsteriskChroot.Missing is { } missing) throw new InvalidOperationException($"{PbxKind.NotTested}: {missing}");
        var block = FreeUdpBlock();
        var pbx = new RealAsteriskPbx("test-" + Guid.NewGuid().ToString("N")[..12], new AsteriskConfigOptions
        {
            AmiPort = amiPort, AmiUser = User, AmiSecret = Secret, SipPort = block, PhonePortBase = block + 1, RtpStart = block + 700, RtpEnd = block + 899,
            AnswerAfter = answerAfter, QueueRingSeconds = QueueRingSeconds,
        });
        try
        {
            AsteriskConfigCommand.Write(config, pbx._options, pbx._dir);
            await pbx.StartAsteriskAsync();
            foreach (var phone in PhonePlan.Of(config, pbx._options.PhonePortBase)) pbx.StartPhone(phone, answerAfter);
            await pbx.Ami.StartAsync();
            return pbx;
        }
        catch
        {
            await pbx.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (again) the Asterisk process and waits until it is fully booted.</summary>
    public async Task StartAsteriskAsync()
    {
        _asterisk = Process.Start(new ProcessStartInfo("chroot", [AsteriskChroot.Directory, "/usr/sbin/asterisk", "-f", "-C", _root + "/etc/asterisk.conf"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        })!;
        _asterisk.OutputDataReceived += (_, _) => { };
        _asterisk.ErrorDataReceived += (_, _) => { };
        _asterisk.BeginOutputReadLine();
        _asterisk.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_asterisk.HasExited) throw new InvalidOperationException($"Asterisk exited with {_asterisk.ExitCode}; log: {_dir}/log/messages.log");
            if (await CliAsync("core waitfullybooted") == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Asterisk did not boot within 60 s; log: {_dir}/log/messages.log");
            await Task.Delay(200);
        }
    }

    /// <summary>Stops the Asterisk process at once (every channel gone), as a crash or a restart would.</summary>
    public async Task StopAsteriskAsync()
    {
        if (_asterisk is null) return;
        await CliAsync("core stop now");
        if (!_asterisk.WaitForExit(10_000)) AsteriskChroot.Kill(_asterisk);
        _asterisk = null;
    }

    private async Task<int> CliAsync(string command)
    {
        using var cli = Process.Start(new ProcessStartInfo("chroot", [AsteriskChroot.Directory, "/usr/sbin/asterisk", "-C", _root + "/etc/asterisk.conf", "-rx", command])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        await cli.WaitForExitAsync();
        return cli.ExitCode;
    }

    /// <summary>The phone of line <paramref name="number"/> answers after <paramref name="delay"/> from now on (never when null).</summary>
    public async Task AnswerAfterAsync(string number, TimeSpan? delay)
    {
        var (phone, process) = _phones[number];
        AsteriskChroot.Kill(process);
        await WaitUntilFreeAsync(phone.Port);
        StartPhone(phone, delay);
    }

    private void StartPhone(Phone phone, TimeSpan? delay)
    {
        var scenario = Path.Combine(_dir, "etc", $"phone-{phone.Line.Number}.xml");
        File.WriteAllText(scenario, SippPhone.Scenario(delay));
        var media = _options.PhonePortBase + 500 + 10 * (phone.Port - _options.PhonePortBase);
        var args = SippPhone.Arguments(scenario, phone.Endpoint, phone.Port, media).ToList();
        var start = new ProcessStartInfo(AsteriskChroot.Sipp!, args) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _phones[phone.Line.Number] = (phone, process);
    }

    private static async Task WaitUntilFreeAsync(int port)
    {
        for (var i = 0; i < 50 && !UdpFree(port); i++) await Task.Delay(100);
    }

    /// <summary>
    /// An outside caller <paramref name="from"/> calls <paramref name="to"/>: a Local channel originated into the
    /// dialplan (the caller's half waits once answered). Returns the call's linkedid (the caller's channel id).
    /// </summary>
    public async Task<string> CallAsync(string from, string to, IReadOnlyDictionary<string, string>? variables = null)
    {
        var id = $"outside-{Interlocked.Increment(ref _calls)}-{Environment.TickCount64}";
        var r = await Ami.SendAsync(new OriginateAction
        {
            Channel = $"Local/{to}@default", CallerId = $"<{from}>", Application = "Wait", Data = "3600", ChannelId = id,
            Variables = variables ?? new Dictionary<string, string>(),
        });
        if (!r.IsSuccess) throw new InvalidOperationException("Originate refused: " + r.Text);
        return id;
    }

    /// <summary>Hangs up the outside caller of <see cref="CallAsync"/>.</summary>
    public async Task HangupAsync(string callId)
    {
        var channel = (await ChannelsAsync()).FirstOrDefault(c => c.Value == callId).Key
                      ?? throw new InvalidOperationException($"no channel {callId} to hang up");
        var r = await Ami.SendAsync(new HangupAction { Channel = channel, Cause = "16" });
        if (!r.IsSuccess) throw new InvalidOperationException("Hangup refused: " + r.Text);
    }

    /// <summary>The channels the PBX holds now: name → uniqueid.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChannelsAsync()
    {
        var list = await Ami.SendListAsync(new CoreShowChannelsAction());
        return list.Events.Where(e => e.Name == "CoreShowChannel").ToDictionary(e => e.Get("Channel"), e => e.Get("Uniqueid"));
    }

    /// <summary>The queue members the PBX holds now (QueueStatus).</summary>
    public async Task<IReadOnlyList<ScenarioMember>> MembersAsync()
    {
        var list = await Ami.SendListAsync(new QueueStatusAction());
        return list.Events.Where(e => e.Name == "QueueMember")
            .Select(e => new ScenarioMember(e.Get("Queue"), e.Get("Location"), e.Get("StateInterface"), e.Get("Name"), e.Get("Paused") == "1", e.Get("PausedReason")))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Ami.DisposeAsync();
        foreach (var (_, process) in _phones.Values) AsteriskChroot.Kill(process);
        try { await StopAsteriskAsync(); }
        catch (Exception) { if (_asterisk is not null) AsteriskChroot.Kill(_asterisk); }
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>A block of 1000 UDP ports whose SIP, phone, media and first RTP ports are free now.</summary>
    private static int FreeUdpBlock()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var block = Random.Shared.Next(30, 60) * 1000;
            var wanted = Enumerable.Range(block, 64).Concat(Enumerable.Range(block + 500, 200)).Concat(Enumerable.Range(block + 700, 16));
            if (wanted.All(UdpFree)) return block;
        }
        throw new InvalidOperationException("no free block of UDP ports for the Asterisk and its phones");
    }

    private static bool UdpFree(int port)
    {
        try
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException) { return false; }
    }
}

/// <summary>A queue member as the PBX holds it.</summary>
public sealed record ScenarioMember(string Queue, string Interface, string StateInterface, string Name, bool Paused, string Reason);
