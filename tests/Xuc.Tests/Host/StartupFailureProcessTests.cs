using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Operator mistakes at start-up, against the real program: one line on the console naming the setting and its value
/// (never a password), a documented exit code (docs/operations.md), no stack trace, nothing else started.
/// </summary>
public sealed class StartupFailureProcessTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    private async Task<(int Code, List<string> Lines)> RunAsync(Dictionary<string, string> environment)
    {
        using var server = ServerProcess.Start(_dir.Path, environment);
        var code = await server.ExitCodeAsync(Within);
        var lines = server.Output.ToList();
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ") || l.Contains("Exception:") || l.Contains("[ERROR]"));
        return (code, lines);
    }

    [Theory]
    [InlineData("XUC_HTTP_PORT", "abc", "xuc: cannot start: XUC_HTTP_PORT=abc: a port number from 0 to 65535 is expected (setting xuc.http.port)")]
    [InlineData("XUC_AMI_AUTH", "foo", "xuc: cannot start: XUC_AMI_AUTH=foo: plain or md5 is expected (setting xuc.ami.auth)")]
    [InlineData("XUC_AKKA_PORT", "-4053", "xuc: cannot start: XUC_AKKA_PORT=-4053: a port number from 0 to 65535 is expected (setting akka.remote.dot-netty.tcp.port)")]
    [InlineData("XUC_AMI_RECONNECT_MAX", "fast", "xuc: cannot start: XUC_AMI_RECONNECT_MAX=fast: a duration such as 5s, 500ms or 2m is expected (setting xuc.ami.reconnect-max)")]
    public async Task A_bad_value_is_one_line_and_exit_code_2(string env, string value, string line)
    {
        var (code, lines) = await RunAsync(new() { [env] = value });
        Assert.Equal(2, code);
        Assert.Equal([line], lines);
    }

    [Fact]
    public async Task An_ami_port_out_of_range_is_refused_instead_of_retried_forever()
    {
        var (code, lines) = await RunAsync(new() { ["XUC_AMI_EMBEDDED"] = "off", ["XUC_AMI_PORT"] = "99999" });
        Assert.Equal(2, code);
        Assert.Equal(["xuc: cannot start: XUC_AMI_PORT=99999: a port number from 1 to 65535 is expected (setting xuc.ami.port)"], lines);
    }

    [Theory]
    [InlineData("XUC_HTTP_PORT")]
    [InlineData("XUC_AKKA_PORT")]
    public async Task A_port_already_taken_is_one_line_and_exit_code_3(string env)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, lines) = await RunAsync(new() { [env] = port.ToString() });
        Assert.Equal(3, code);
        Assert.Equal([$"xuc: cannot start: {env}={port}: the port is already in use on 127.0.0.1"], lines);
    }

    [Theory]
    [InlineData("XUC_HTTP_BIND", "192.0.2.1", "xuc: cannot start: XUC_HTTP_BIND=192.0.2.1: not an address of this machine")]
    [InlineData("XUC_AKKA_HOSTNAME", "no-such-host.invalid", "xuc: cannot start: XUC_AKKA_HOSTNAME=no-such-host.invalid: the name does not resolve (")]
    public async Task A_listening_address_that_is_not_this_machines_is_one_line_and_exit_code_2(string env, string value, string line)
    {
        var port = FreePort.Next();
        var (code, lines) = await RunAsync(new() { [env] = value, [env == "XUC_HTTP_BIND" ? "XUC_HTTP_PORT" : "XUC_AKKA_PORT"] = port.ToString() });
        Assert.Equal(2, code);
        Assert.StartsWith(line, Assert.Single(lines));
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_created_is_one_line_and_exit_code_2()
    {
        var file = Path.Combine(_dir.Path, "a-file");
        await File.WriteAllTextAsync(file, "");
        var dataDir = Path.Combine(file, "data");
        var (code, lines) = await RunAsync(new() { ["XUC_DATA_DIR"] = dataDir });
        Assert.Equal(2, code);
        Assert.StartsWith($"xuc: cannot start: XUC_DATA_DIR={dataDir}: cannot create or use this directory: ", Assert.Single(lines));
    }

    [Fact]
    public async Task A_garbage_connection_string_is_one_line_with_the_password_masked_and_exit_code_2()
    {
        var (code, lines) = await RunAsync(new() { ["XUC_DB_PROVIDER"] = "postgres", ["XUC_DB_CONNECTION"] = "Host=db;Password=hunter2;this is not one" });
        Assert.Equal(2, code);
        var line = Assert.Single(lines);
        Assert.StartsWith("xuc: cannot start: XUC_DB_CONNECTION=Host=db;Password=***;this is not one: not a valid PostgreSQL connection string", line);
        Assert.DoesNotContain("hunter2", line);
    }

    [Fact]
    public async Task A_database_that_refuses_connections_is_retried_for_the_startup_timeout_then_exit_code_4()
    {
        var closed = FreePort.Next();
        var (code, lines) = await RunAsync(new()
        {
            ["XUC_DB_PROVIDER"] = "postgres", ["XUC_DB_STARTUP_TIMEOUT"] = "2s",
            ["XUC_DB_CONNECTION"] = $"Host=127.0.0.1;Port={closed};Username=xuc;Password=hunter2;Database=xuc",
        });
        var shown = $"XUC_DB_CONNECTION=Host=127.0.0.1;Port={closed};Username=xuc;Password=***;Database=xuc";
        Assert.Equal(4, code);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Database not reachable yet (", lines[0]);
        Assert.EndsWith("); retrying for up to 2 s (XUC_DB_STARTUP_TIMEOUT)", lines[0]);
        Assert.StartsWith($"xuc: cannot start: {shown}: the database did not answer within 2 s (XUC_DB_STARTUP_TIMEOUT): ", lines[1]);
        Assert.DoesNotContain(lines, l => l.Contains("hunter2"));
    }

    [PostgresFact]
    public async Task A_wrong_database_password_fails_at_once_with_exit_code_4()
    {
        var cs = new NpgsqlConnectionStringBuilder(PgDatabase.ServerConnectionString) { Password = "hunter2-wrong" };
        var (code, lines) = await RunAsync(new()
        {
            ["XUC_DB_PROVIDER"] = "postgres", ["XUC_DB_CONNECTION"] = cs.ConnectionString, ["XUC_DB_STARTUP_TIMEOUT"] = "60s",
        });
        Assert.Equal(4, code);
        var line = Assert.Single(lines);
        Assert.StartsWith("xuc: cannot start: XUC_DB_CONNECTION=", line);
        Assert.Contains("Password=***", line);
        Assert.EndsWith("the database refused us: 28P01 password authentication failed for user \"" + cs.Username + "\"", line);
        Assert.DoesNotContain("hunter2", line);
    }

    public void Dispose() => _dir.Dispose();
}
