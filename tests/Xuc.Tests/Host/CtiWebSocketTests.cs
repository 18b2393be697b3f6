using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions;
using Xuc.Host.Auth;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>The CTI WebSocket (docs/cti-websocket.md) over a real ClientWebSocket against the whole server.</summary>
public sealed class CtiWebSocketTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private const string Pong = """{"msgType":"Pong","ctiMessage":{}}""";

    /// <summary>A user of this test alone (the fixture's server is shared by the class): no line, the plain profile.</summary>
    private async Task<User> NewUser(string login)
    {
        var user = new User { Id = 1000 + Math.Abs(login.GetHashCode() % 100000), Login = login, Password = "secret-" + login, FirstName = "Test", LastName = login, RightProfileId = 3 };
        await Server.App.Store.UpsertAsync(ConfigKinds.User, user);
        return user;
    }

    private async Task<CtiClient> Connected(string login, string password)
    {
        var client = await CtiClient.LoginAsync(Server, login, password);
        await client.ReceiveManyAsync(6); // a user without a line: no LineConfig nor PhoneStatusUpdate
        return client;
    }

    private async Task<int> SessionCount()
    {
        var registry = Server.App.Web.Services.GetRequiredService<IActorRegistry>();
        return await registry.Get<SessionManagerActor>().Ask<int>(CountSessions.Instance, TimeSpan.FromSeconds(5));
    }

    /// <summary>The upgrade as a plain HTTP request, to read the refusal's body.</summary>
    private async Task<(HttpStatusCode Status, JObject Body)> RawUpgrade(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, CtiClient.Address(Server, token).ToString().Replace("ws://", "http://"));
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        var response = await Server.Http.SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task AssertRefused(string? token, string error)
    {
        var (status, body) = await RawUpgrade(token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(error, (string?)body["error"]);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
        Assert.Equal(["error", "message"], body.Properties().Select(p => p.Name));

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(CtiClient.Address(Server, token), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_missing_forged_or_expired_token_or_a_deleted_users_is_refused_401_with_the_REST_body_and_no_socket()
    {
        var before = await SessionCount();
        await AssertRefused(null, "BearerNotFound");
        await AssertRefused("", "BearerNotFound");
        await AssertRefused("not.a.token", "InvalidToken");
        var forged = new TokenService(SHA256.HashData(Encoding.UTF8.GetBytes("another secret")), TimeSpan.FromHours(1)).Issue(new TokenSubject("bob", 12, 1));
        await AssertRefused(forged, "InvalidToken");
        var expired = new TokenService(SHA256.HashData(Encoding.UTF8.GetBytes(TestServer.TokenSecret)), TimeSpan.FromHours(1),
            new ManualClock(DateTimeOffset.UtcNow.AddHours(-2))).Issue(await ServerTokens.SubjectAsync(Server, "bob"));
        await AssertRefused(expired, "TokenExpired");

        var user = await NewUser("ws-deleted-before");
        var token = await CtiClient.TokenAsync(Server, user.Login, user.Password!);
        await Server.App.Store.DeleteAsync(ConfigKinds.User, user.Id.ToString());
        await AssertRefused(token, "InvalidToken");
        Assert.Equal(before, await SessionCount());
    }

    [Fact]
    public async Task The_connect_sequence_is_pushed_unasked_in_order_byte_for_byte()
    {
        await using var bob = await CtiClient.LoginAsync(Server, "bob", "bob");
        string[] expected =
        [
            """{"msgType":"LoggedOn","ctiMessage":{"login":"bob","userId":12,"phoneNumber":"1012"}}""",
            """{"msgType":"RightProfile","ctiMessage":{"profile":"NoRight"}}""",
            """{"msgType":"UsersStatuses","ctiMessage":[{"name":"available","color":"#08FD20","longName":"Available","actions":[]},{"name":"away","color":"#FDE50A","longName":"Away","actions":[]},{"name":"berightback","color":"#FFB545","longName":"Be right back","actions":[]},{"name":"disconnected","color":"#9E9E9E","longName":"Disconnected","actions":[]},{"name":"donotdisturb","color":"#FF032D","longName":"Do not disturb","actions":[{"name":"enableDND","parameters":""}]},{"name":"outtolunch","color":"#001AFF","longName":"Out to lunch","actions":[]}]}""",
            """{"msgType":"UserStatusUpdate","ctiMessage":{"status":"available"}}""",
            """{"msgType":"UserConfigUpdate","ctiMessage":{"userId":12,"dndEnabled":false,"naFwdEnabled":false,"naFwdDestination":"","uncFwdEnabled":false,"uncFwdDestination":"","busyFwdEnabled":false,"busyFwdDestination":"","firstName":"Bob","lastName":"Durand","fullName":"Bob Durand","mobileNumber":"","agentId":0,"lineIds":[12],"voiceMailId":12,"voiceMailEnabled":true}}""",
            """{"msgType":"LineConfig","ctiMessage":{"id":12,"number":"1012","interface":"PJSIP/1012","context":"default"}}""",
            // An idle phone nobody has called since start-up: its state comes from the resync's ExtensionStatus.
            """{"msgType":"PhoneStatusUpdate","ctiMessage":{"status":"AVAILABLE"}}""",
            """{"msgType":"VoiceMailStatusUpdate","ctiMessage":{"voiceMailId":12,"newMessages":0,"waitingMessages":0,"oldMessages":0}}""",
        ];
        Assert.Equal(expected, await bob.ReceiveManyAsync(8));
        await bob.SendAsync("""{"claz":"ping"}""");
        Assert.Equal(Pong, await bob.ReceiveAsync());
    }

    [Fact]
    public async Task A_thousand_random_and_malformed_frames_each_get_an_Error_the_session_stays_usable_and_another_never_notices()
    {
        var other = await NewUser("ws-bystander");
        await using var bystander = await Connected(other.Login, other.Password!);
        await using var bob = await CtiClient.LoginAsync(Server, "bob", "bob");
        await bob.ReceiveManyAsync(8);

        var random = new Random(8);
        var codes = new Dictionary<string, int>();
        for (var i = 0; i < 1000; i++)
        {
            var (frame, binary, code) = BadFrame(random, i);
            if (binary) await bob.SendBinaryAsync(frame);
            else await bob.Socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
            var answer = await bob.ReceiveJsonAsync();
            Assert.Equal("Error", (string?)answer["msgType"]);
            var error = (JObject)answer["ctiMessage"]!;
            Assert.Equal(["Error", "message"], error.Properties().Select(p => p.Name));
            if (code is not null) Assert.Equal(code, (string?)error["Error"]);
            codes[(string)error["Error"]!] = codes.GetValueOrDefault((string)error["Error"]!) + 1;
        }
        Assert.Superset(new HashSet<string> { "InvalidJson", "MissingClaz", "UnknownClaz", "MissingCommand", "UnknownCommand", "InvalidArgument", "FrameTooLarge", "BinaryFrame", "UnknownStatus" },
            codes.Keys.ToHashSet());

        await bob.SendAsync("""{"claz":"ping"}""");
        Assert.Equal(Pong, await bob.ReceiveAsync());
        await bob.SendAsync("""{"claz":"web","command":"userStatusUpdate","status":"available"}""");
        Assert.Equal("""{"msgType":"UserStatusUpdate","ctiMessage":{"status":"available"}}""", await bob.ReceiveAsync());

        // The bystander's next frame is the answer to its own ping: nothing of the flood reached it.
        await bystander.SendAsync("""{"claz":"ping"}""");
        Assert.Equal(Pong, await bystander.ReceiveAsync());
    }

    /// <summary>A frame no session may take for a valid one, and the Error code it must get (null: any).</summary>
    private static (byte[] Frame, bool Binary, string? Code) BadFrame(Random random, int i)
    {
        static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);
        string RandomText(int max) => new(Enumerable.Range(0, random.Next(1, max)).Select(_ => (char)random.Next(32, 0x2FFF)).ToArray());
        string Word() => new(Enumerable.Range(0, random.Next(1, 20)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());
        return (i % 14) switch
        {
            0 => (Text(RandomText(200)), false, null),
            1 => (Text(new[] { "[1,2]", "42", "\"text\"", "true", "null", "[]", "{}x", "" }[random.Next(8)]), false, null),
            2 => (Text($$"""{"command":"{{Word()}}"}"""), false, "MissingClaz"),
            3 => (Text($$"""{"claz":{{random.Next()}}}"""), false, "MissingClaz"),
            4 => (Text($$"""{"claz":"x{{Word()}}"}"""), false, "UnknownClaz"),
            5 => (Text(new[] { """{"claz":"web"}""", """{"claz":"web","command":7}""", """{"claz":"web","command":""}""", """{"claz":"web","command":null}""" }[random.Next(4)]), false, "MissingCommand"),
            6 => (Text($$"""{"claz":"web","command":"zz{{Word()}}"}"""), false, "UnknownCommand"),
            7 => (Text($$"""{"claz":"web","command":"userStatusUpdate","status":{{new[] { "1", "[]", "{}", "true", "2.5" }[random.Next(5)]}}}"""), false, "InvalidArgument"),
            8 => (Text("{\"claz\":\"ping\""[..random.Next(1, 15)]), false, "InvalidJson"),
            9 => (RandomNumberGenerator.GetBytes(random.Next(1, 500)), true, "BinaryFrame"),
            10 => (Text(i % 100 == 10 ? new string(' ', 64 * 1024) + "{}" : new string('[', 5000)), false, i % 100 == 10 ? "FrameTooLarge" : "InvalidJson"),
            11 => (Text("""{"claz":"ping","claz":"ping"}"""), false, "InvalidJson"),
            12 => (Text($$"""{"claz":"web","command":"userStatusUpdate","status":"zz{{Word()}}"}"""), false, "UnknownStatus"),
            _ => (Text("{\"claz\":\"ping\"}" + RandomText(5)), false, "InvalidJson"),
        };
    }

    [Fact]
    public async Task A_user_may_hold_several_sessions_each_gets_every_event_and_closing_one_leaves_the_others()
    {
        var user = await NewUser("ws-multi");
        var before = await SessionCount();
        var desktop = await Connected(user.Login, user.Password!);
        await using var wallboard = await Connected(user.Login, user.Password!);
        await using var crm = await Connected(user.Login, user.Password!);
        Assert.Equal(before + 3, await SessionCount());

        await desktop.SendAsync("""{"claz":"web","command":"userStatusUpdate","status":"away"}""");
        const string away = """{"msgType":"UserStatusUpdate","ctiMessage":{"status":"away"}}""";
        foreach (var session in new[] { desktop, wallboard, crm }) Assert.Equal(away, await session.ReceiveAsync());

        await desktop.DisposeAsync();
        await Wait.Until(async () => await SessionCount() == before + 2, CtiClient.Patience, "the closed session's actor stops");
        await crm.SendAsync("""{"claz":"web","command":"userStatusUpdate","status":"outtolunch"}""");
        const string lunch = """{"msgType":"UserStatusUpdate","ctiMessage":{"status":"outtolunch"}}""";
        foreach (var session in new[] { wallboard, crm }) Assert.Equal(lunch, await session.ReceiveAsync());

        // A new session starts with the user's current status.
        await using var late = await CtiClient.LoginAsync(Server, user.Login, user.Password!);
        Assert.Equal(lunch, (await late.ReceiveManyAsync(6))[3]);
    }

    [Fact]
    public async Task A_token_that_expires_while_the_socket_is_open_does_not_cut_the_session()
    {
        var user = await NewUser("ws-expiring");
        // Issued so that it expires two seconds from now.
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddHours(-1).AddSeconds(2));
        var token = new TokenService(SHA256.HashData(Encoding.UTF8.GetBytes(TestServer.TokenSecret)), TimeSpan.FromHours(1), clock).Issue(await ServerTokens.SubjectAsync(Server, user.Login));
        await using var client = await CtiClient.ConnectAsync(Server, token);
        await client.ReceiveManyAsync(6);

        await Wait.Until(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/xuc/api/2.0/auth/check");
            request.Headers.Authorization = new("Bearer", token);
            var response = await Server.Http.SendAsync(request);
            return (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"] == "TokenExpired";
        }, CtiClient.Patience, "the token expires");
        await client.SendAsync("""{"claz":"ping"}""");
        Assert.Equal(Pong, await client.ReceiveAsync());
    }

    [Fact]
    public async Task A_deleted_user_and_a_user_whose_password_changed_are_disconnected_with_a_reason()
    {
        var deleted = await NewUser("ws-deleted-live");
        var changed = await NewUser("ws-password-live");
        var renamed = await NewUser("ws-renamed-live");
        await using var deletedClient = await Connected(deleted.Login, deleted.Password!);
        await using var changedClient = await Connected(changed.Login, changed.Password!);
        await using var renamedClient = await Connected(renamed.Login, renamed.Password!);

        await Server.App.Store.DeleteAsync(ConfigKinds.User, deleted.Id.ToString());
        Assert.Equal("the user was deleted", await deletedClient.ReceiveCloseAsync());
        await Server.App.Store.UpsertAsync(ConfigKinds.User, changed with { Password = "another password" });
        Assert.Equal("the user's password changed", await changedClient.ReceiveCloseAsync());

        await Server.App.Store.UpsertAsync(ConfigKinds.User, renamed with { Password = null, FirstName = "Renamed" });
        await renamedClient.SendAsync("""{"claz":"ping"}""");
        Assert.Equal(Pong, await renamedClient.ReceiveAsync());
    }

    [Fact]
    public async Task A_command_the_profile_forbids_is_NotAuthorized_and_a_plain_GET_is_told_to_upgrade()
    {
        const string setAgentQueue = """{"claz":"web","command":"setAgentQueue","agentId":1,"queueId":1,"penalty":0}""";
        await using var bob = await CtiClient.LoginAsync(Server, "bob", "bob");
        await bob.ReceiveManyAsync(8);
        await bob.SendAsync(setAgentQueue);
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"NotAuthorized","message":"setAgentQueue is not allowed to the NoRight profile"}}""", await bob.ReceiveAsync());

        await using var admin = await CtiClient.LoginAsync(Server, "admin", "admin");
        await admin.ReceiveManyAsync(6);
        // The Admin passes the check: his command is read (and refused for its unknown queue, so nothing changes).
        await admin.SendAsync(setAgentQueue.Replace("\"queueId\":1", "\"queueId\":99"));
        Assert.Equal("""{"msgType":"Error","ctiMessage":{"Error":"UnknownQueue","message":"setAgentQueue: no queue 99"}}""", await admin.ReceiveAsync());

        var get = new HttpRequestMessage(HttpMethod.Get, "/xuc/api/2.0/cti?token=" + await CtiClient.TokenAsync(Server, "bob", "bob"));
        var response = await Server.Http.SendAsync(get);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NotWebSocket", (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"]);
    }

    [Fact]
    public async Task Only_the_upgrade_reads_the_token_from_the_query_REST_wants_the_header_which_the_upgrade_also_takes()
    {
        var token = await CtiClient.TokenAsync(Server, "bob", "bob");
        var response = await Server.Http.GetAsync("/xuc/api/2.0/auth/check?token=" + token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("BearerNotFound", (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"]);

        var (status, body) = await RawUpgrade(null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("no token: open the socket with ?token=<token>", (string?)body["message"]);

        // A non-browser client may give the header instead.
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        await socket.ConnectAsync(CtiClient.Address(Server, null), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }
}
