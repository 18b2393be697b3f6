using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.Tests.Support;
using static Xuc.Tests.Host.PhoneEventsTests;

namespace Xuc.Tests.Host;

/// <summary>
/// The directory over a real CTI WebSocket and the REST API against the bundled simulator (docs/directory.md): the
/// demo's users and contacts searched, favourites to every session of the user, personal contacts (REST and CSV)
/// searched for their owner only and kept over a restart, a found user's phone state followed, an incoming caller named
/// from the directory, and (with slapd) an LDAP server searched beside the users and the contacts.
/// </summary>
public sealed class DirectoryEndToEndTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private static readonly JArray Headers = ["Firstname", "Lastname", "Number", "Mobile", "Company", "Email", "Favoris", "Personal", "Source"];

    private static JObject Row(int status, string id, string source, bool favorite, bool personal, params string[] cells) => new()
    {
        ["status"] = status,
        ["entry"] = new JArray(cells.Concat([favorite ? "true" : "false", personal ? "true" : "false", source]).ToArray<object>()),
        ["contact_id"] = id, ["source"] = source, ["favorite"] = favorite,
    };

    private static readonly string[] Turing = ["Alan", "Turing", "0140001005", "0611000005", "Bletchley Park", "alan.turing@example.com"];
    private static readonly string[] Bond = ["James", "Bond", "1001", "0612340001", "", ""];

    private static JObject Result(string msgType, params JObject[] rows) => new()
    {
        ["msgType"] = msgType,
        ["ctiMessage"] = new JObject { ["entries"] = new JArray(rows.ToArray<object>()), ["sourcesLeftOut"] = new JArray(), ["headers"] = Headers.DeepClone() },
    };

    private static JObject Error(string code, string message) => new() { ["msgType"] = "Error", ["ctiMessage"] = new JObject { ["Error"] = code, ["message"] = message } };

    private static JObject Favorite(string action, string id, string source) =>
        new() { ["msgType"] = "FavoriteUpdated", ["ctiMessage"] = new JObject { ["action"] = action, ["contact_id"] = id, ["source"] = source } };

    /// <summary>Sends the command and returns the frame of one of <paramref name="answers"/> (or Error) that comes for it.</summary>
    private static async Task<JObject> AskAsync(CtiClient client, string command, object? arguments = null, params string[] answers)
    {
        await client.SendAsync(FrameWatch.Command(command, arguments));
        return JObject.Parse(await client.ReceiveOfTypeAsync([.. answers.DefaultIfEmpty("DirectoryResult"), "Error"]));
    }

    private static void Same(JObject expected, JObject actual) =>
        Assert.True(JToken.DeepEquals(expected, actual), $"expected {expected.ToString(Formatting.None)}\n     got {actual.ToString(Formatting.None)}");

    [Fact]
    public async Task A_search_finds_users_with_their_phone_state_and_contacts_accents_case_and_parts_of_words_alike()
    {
        var (server, _) = await StartAsync();
        await using var _server = server;
        await using var jbond = await ConnectedAsync(server, "jbond");

        var turing = Result("DirectoryResult", Row(-2, "5", "contacts", false, false, Turing));
        Same(turing, await AskAsync(jbond, "directoryLookUp", new { term = "tur" }));
        Same(turing, await AskAsync(jbond, "searchContacts", new { term = "ALAN Bletch" }));
        Same(turing, await AskAsync(jbond, "directoryLookUp", new { term = "01 40 00 10 05" }));
        // A user: his line's number and its state now (1001 idle: 0).
        Same(Result("DirectoryResult", Row(0, "1", "users", false, false, Bond)), await AskAsync(jbond, "searchContacts", new { term = "bond" }));
        // Göttingen, typed without its accent and in capitals.
        var noether = (JArray)(await AskAsync(jbond, "directoryLookUp", new { term = "GOTTINGEN" }))["ctiMessage"]!["entries"]!;
        Assert.Equal(["Emmy Noether"], noether.Select(e => $"{e["entry"]![0]} {e["entry"]![1]}"));
        Same(Result("DirectoryResult"), await AskAsync(jbond, "directoryLookUp", new { term = "nobody-has-this-name" }));

        Same(Error("InvalidArgument", "directoryLookUp: 'term' is missing"), await AskAsync(jbond, "directoryLookUp"));
        Same(Error("InvalidArgument", "searchContacts: 'term' must be string, not integer"), await AskAsync(jbond, "searchContacts", new { term = 42 }));
        Same(Error("InvalidArgument", "directoryLookUp: term is empty"), await AskAsync(jbond, "directoryLookUp", new { term = "   " }));
        // The session is still there.
        Same(turing, await AskAsync(jbond, "directoryLookUp", new { term = "turing" }));
    }

    [Fact]
    public async Task A_found_users_phone_state_follows_through_phone_hints_while_the_result_is_shown()
    {
        var (server, sim) = await StartAsync();
        await using var _server = server;
        await using var bob = await ConnectedAsync(server, "bob");

        var found = await AskAsync(bob, "directoryLookUp", new { term = "moneypenny" });
        var row = (JObject)found["ctiMessage"]!["entries"]![0]!;
        Assert.Equal(("1002", 0), ((string)row["entry"]![2]!, (int)row["status"]!));

        // The client watches the numbers it shows (docs/directory.md, "Live status").
        await bob.SendAsync(FrameWatch.Command("subscribeToPhoneHints", new { phoneNumbers = new[] { "1002" } }));
        string Hint(int status) => "{\"msgType\":\"PhoneHintStatusEvent\",\"ctiMessage\":{\"number\":\"1002\",\"status\":" + status + "}}";
        Assert.Equal(Hint(0), await bob.ReceiveOfTypeAsync("PhoneHintStatusEvent"));
        sim.Model.Dial("1003", "1002");
        Assert.Equal(Hint(8), await bob.ReceiveOfTypeAsync("PhoneHintStatusEvent"));
        // A search made now shows the state of now.
        Assert.Equal(8, (int)(await AskAsync(bob, "directoryLookUp", new { term = "moneypenny" }))["ctiMessage"]!["entries"]![0]!["status"]!);
        sim.Model.Answer("1002");
        Assert.Equal(Hint(1), await bob.ReceiveOfTypeAsync("PhoneHintStatusEvent"));
    }

    [Fact]
    public async Task Favourites_reach_every_session_of_the_user_are_marked_in_results_and_an_unknown_contact_is_an_error()
    {
        var (server, _) = await StartAsync();
        await using var _server = server;
        await using var desk = await ConnectedAsync(server, "jbond");
        await using var mobile = await ConnectedAsync(server, "jbond");
        await using var other = await ConnectedAsync(server, "mmoneypenny");

        Same(Result("Favorites"), await AskAsync(desk, "getFavorites", answers: "Favorites"));
        var added = Favorite("Added", "5", "contacts");
        Same(added, await AskAsync(desk, "addFavorite", new { contactId = "5", source = "contacts" }, "FavoriteUpdated"));
        Same(added, JObject.Parse(await mobile.ReceiveOfTypeAsync("FavoriteUpdated")));
        Same(Favorite("Added", "1", "users"), await AskAsync(mobile, "addFavorite", new { contactId = "1", source = "users" }, "FavoriteUpdated"));
        Same(Favorite("Added", "1", "users"), JObject.Parse(await desk.ReceiveOfTypeAsync("FavoriteUpdated")));

        // In the order they were added.
        var both = Result("Favorites", Row(-2, "5", "contacts", true, false, Turing), Row(0, "1", "users", true, false, Bond));
        Same(both, await AskAsync(desk, "getFavorites", answers: "Favorites"));
        Same(both, await AskAsync(mobile, "getFavoriteContacts", answers: "Favorites"));
        Same(Result("DirectoryResult", Row(-2, "5", "contacts", true, false, Turing)), await AskAsync(desk, "directoryLookUp", new { term = "turing" }));
        // Another user's favourites are his own.
        Same(Result("Favorites"), await AskAsync(other, "getFavorites", answers: "Favorites"));
        Same(Result("DirectoryResult", Row(-2, "5", "contacts", false, false, Turing)), await AskAsync(other, "directoryLookUp", new { term = "turing" }));

        Same(Error("UnknownContact", "addFavorite: no contact '999' in source 'contacts'"),
            await AskAsync(desk, "addFavorite", new { contactId = "999", source = "contacts" }, "FavoriteUpdated"));
        Same(Error("UnknownContact", "addFavorite: no directory source 'nowhere'"),
            await AskAsync(desk, "addFavorite", new { contactId = "5", source = "nowhere" }, "FavoriteUpdated"));
        Same(Error("UnknownContact", "removeFavorite: '7' of source 'contacts' is not one of your favourites"),
            await AskAsync(desk, "removeFavorite", new { contactId = "7", source = "contacts" }, "FavoriteUpdated"));
        Same(Error("InvalidArgument", "addFavorite: 'source' is missing"), await AskAsync(desk, "addFavorite", new { contactId = "5" }, "FavoriteUpdated"));

        var removed = Favorite("Removed", "5", "contacts");
        Same(removed, await AskAsync(mobile, "removeFavorite", new { contactId = "5", source = "contacts" }, "FavoriteUpdated"));
        Same(removed, JObject.Parse(await desk.ReceiveOfTypeAsync("FavoriteUpdated")));
        Same(Result("Favorites", Row(0, "1", "users", true, false, Bond)), await AskAsync(desk, "getFavorites", answers: "Favorites"));
    }

    [Fact]
    public async Task Personal_contacts_over_rest_and_csv_are_searched_for_their_owner_only_and_they_and_favourites_survive_a_restart()
    {
        using var dir = new TempDirectory();
        string exported;
        await using (var server = await TestServer.StartOnAsync(dir))
        {
            var token = await CtiClient.TokenAsync(server, "jbond", "jbond");
            var (status, body) = await Rest.AnswerAsync(server.Http, HttpMethod.Post, "/xuc/api/2.0/contact/personal", token,
                """{"firstname":"Rémi","lastname":"Œuvray","number":"0299001122","company":"Plombier"}""");
            Assert.Equal(HttpStatusCode.Created, status);
            var remi = (string)body["id"]!;

            // A CSV with a bad row is refused whole, naming the line; then a good one.
            using (var bad = await ImportAsync(server, token, "lastname;firstname;number\nDupont;Anne;0388776655\n;;\n"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                var refused = JObject.Parse(await bad.Content.ReadAsStringAsync());
                Assert.Equal("InvalidCsv", (string?)refused["error"]);
                Assert.Contains("line 3", (string)refused["errors"]![0]!);
            }
            using (var good = await ImportAsync(server, token, "lastname;firstname;number;mobile\nDupont;Anne;0388776655;\nKlein;Zoé;0388000001;0677000001\n"))
                Assert.Equal("""{"imported":2}""", JObject.Parse(await good.Content.ReadAsStringAsync()).ToString(Formatting.None));

            using var export = await Rest.SendAsync(server.Http, HttpMethod.Get, "/xuc/api/2.0/contact/export/personal", token);
            exported = await export.Content.ReadAsStringAsync();
            Assert.Equal("firstname,lastname,number,mobile,email,company\r\nRémi,Œuvray,0299001122,,,Plombier\r\nAnne,Dupont,0388776655,,,\r\nZoé,Klein,0388000001,0677000001,,\r\n", exported);

            await using var jbond = await CtiClient.LoginAsync(server, "jbond", "jbond");
            var found = await AskAsync(jbond, "directoryLookUp", new { term = "oeuvray" });
            Same(Result("DirectoryResult", Row(-2, remi, "personal", false, true, "Rémi", "Œuvray", "0299001122", "", "Plombier", "")), found);
            Same(Favorite("Added", remi, "personal"), await AskAsync(jbond, "addFavorite", new { contactId = remi, source = "personal" }, "FavoriteUpdated"));
            Assert.Equal(["Zoé Klein"], Names(await AskAsync(jbond, "searchContacts", new { term = "zoe" })));

            await using var alice = await CtiClient.LoginAsync(server, "alice", "alice");
            Same(Result("DirectoryResult"), await AskAsync(alice, "directoryLookUp", new { term = "oeuvray" }));
            Same(Error("UnknownContact", $"addFavorite: no contact '{remi}' in source 'personal'"),
                await AskAsync(alice, "addFavorite", new { contactId = remi, source = "personal" }, "FavoriteUpdated"));
        }

        await using (var again = await TestServer.StartOnAsync(dir))
        {
            var token = await CtiClient.TokenAsync(again, "jbond", "jbond");
            using var export = await Rest.SendAsync(again.Http, HttpMethod.Get, "/xuc/api/2.0/contact/export/personal", token);
            Assert.Equal(exported, await export.Content.ReadAsStringAsync());
            await using var jbond = await CtiClient.LoginAsync(again, "jbond", "jbond");
            Assert.Equal(["Rémi Œuvray"], Names(await AskAsync(jbond, "getFavorites", answers: "Favorites")));
        }
    }

    [Fact]
    public async Task An_incoming_caller_known_only_by_number_is_named_from_the_directory_on_the_ringing_phone()
    {
        var (server, sim) = await StartAsync();
        await using var _server = server;
        await using var jbond = await ConnectedAsync(server, "jbond");

        // Alan Turing's mobile, a contact's: the PBX gives no name.
        var caller = sim.Model.ExternalCall("0611000005", "1001");
        var ringing = JObject.Parse(await jbond.ReceiveOfTypeAsync("PhoneEvent"));
        Assert.Equal(("EventRinging", "0611000005", "Alan Turing"),
            ((string?)ringing["ctiMessage"]!["eventType"], (string?)ringing["ctiMessage"]!["otherDN"], (string?)ringing["ctiMessage"]!["otherDName"]));
        sim.Model.Hangup(caller);
        Assert.Equal("EventReleased", (string?)JObject.Parse(await jbond.ReceiveOfTypeAsync("PhoneEvent"))["ctiMessage"]!["eventType"]);

        // A number the directory does not know keeps no name; a name the PBX gives is kept.
        sim.Model.ExternalCall("0699999999", "1001");
        Assert.Equal("", (string?)JObject.Parse(await jbond.ReceiveOfTypeAsync("PhoneEvent"))["ctiMessage"]!["otherDName"]);
        sim.Model.Hangup("1001");
        Assert.Equal("EventReleased", (string?)JObject.Parse(await jbond.ReceiveOfTypeAsync("PhoneEvent"))["ctiMessage"]!["eventType"]);
        sim.Model.ExternalCall("0611000005", "1001", callerName: "Reception");
        Assert.Equal("Reception", (string?)JObject.Parse(await jbond.ReceiveOfTypeAsync("PhoneEvent"))["ctiMessage"]!["otherDName"]);
    }

    [LdapFact]
    public async Task An_ldap_server_configured_in_the_store_is_searched_with_the_users_and_the_contacts_over_the_socket()
    {
        var ou = LdapServer.AddPeople(
            new LdapServer.Person("aturing2", "Alan", "Turingham", "0140009001", Company: "Manchester University"),
            new LdapServer.Person("jbond007", "James", "Bondarenko", "0140009002"),
            new LdapServer.Person("hlegrand", "Hélène", "Legrand", "0140009003"));
        await using var server = await TestServer.StartAsync();
        var admin = await CtiClient.TokenAsync(server, "admin", "admin");
        JObject Source(string name, string type, int position) => new() { ["name"] = name, ["type"] = type, ["position"] = position };
        var ldap = Source("company-ldap", "ldap", 3);
        ldap["url"] = LdapServer.Url;
        ldap["baseDn"] = ou;
        ldap["bindDn"] = LdapServer.Admin;
        ldap["bindPassword"] = LdapServer.Password;
        ldap["filter"] = "(objectClass=inetOrgPerson)";
        ldap["mapping"] = new JObject { ["id"] = "uid" };
        foreach (var source in new[] { Source("users", "users", 0), Source("contacts", "contacts", 1), Source("personal", "personal", 2), ldap })
        {
            var (status, body) = await Rest.AnswerAsync(server.Http, HttpMethod.Post, "/xuc/api/2.0/config/directorysource", admin, source.ToString());
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{source["name"]}: {(int)status} {body}");
        }

        await using var bob = await CtiClient.LoginAsync(server, "bob", "bob");
        // The node reads the new sources when the configuration change reaches it.
        var last = new JObject();
        try
        {
            await Wait.Until(async () => Names(last = await AskAsync(bob, "directoryLookUp", new { term = "tur" })).Count == 2, Within, "the LDAP source is searched");
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}; the last answer: {last.ToString(Formatting.None)}");
        }
        // Parts of names and accents the user types (the server's substring match is not accent-insensitive: an accented
        // entry is found by its whole words, docs/directory.md "LDAP").
        Assert.Equal(["Alan Turing", "Alan Turingham"], Names(await AskAsync(bob, "directoryLookUp", new { term = "TUR" })));
        Assert.Equal(["James Bond", "James Bondarenko"], Names(await AskAsync(bob, "searchContacts", new { term = "jámes bond" })));
        Assert.Equal(["Hélène Legrand"], Names(await AskAsync(bob, "searchContacts", new { term = "HELENE" })));
        var row = (JObject)(await AskAsync(bob, "directoryLookUp", new { term = "türingham manchester" }))["ctiMessage"]!["entries"]![0]!;
        Assert.Equal(("aturing2", "company-ldap", -2), ((string)row["contact_id"]!, (string)row["source"]!, (int)row["status"]!));
        Same(Favorite("Added", "aturing2", "company-ldap"), await AskAsync(bob, "addFavorite", new { contactId = "aturing2", source = "company-ldap" }, "FavoriteUpdated"));
        Assert.Equal(["Alan Turingham"], Names(await AskAsync(bob, "getFavorites", answers: "Favorites")));
    }

    private static List<string> Names(JObject result) =>
        ((JArray)result["ctiMessage"]!["entries"]!).Select(e => $"{e["entry"]![0]} {e["entry"]![1]}").ToList();

    private static async Task<HttpResponseMessage> ImportAsync(TestServer server, string token, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/xuc/api/2.0/contact/import/personal") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }
}
