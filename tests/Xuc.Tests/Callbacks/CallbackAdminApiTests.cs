using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Xuc.Host.Startup;
using Xuc.Tests.Support;

namespace Xuc.Tests.Callbacks;

/// <summary>The callbacks' admin REST API and CSV import, over HTTP against the whole server, and <c>import-callbacks</c>.</summary>
public sealed class CallbackAdminApiTests
{
    /// <summary>A CSV of <paramref name="rows"/> requests; the rows at <paramref name="bad"/> (0-based) are wrong in three different ways.</summary>
    public static string Csv(int rows, params int[] bad)
    {
        var csv = new StringBuilder("phoneNumber;mobilePhoneNumber;firstName;lastName;company;description;dueDate;period\n");
        for (var i = 0; i < rows; i++)
        {
            var k = Array.IndexOf(bad, i);
            var phone = k == 0 ? "not-a-number" : $"01 23 45 {i / 100 % 100:00} {i % 100:00}";
            var date = k == 1 ? "2026-13-01" : "2026-12-07";
            var period = k == 2 ? "Evening" : i % 2 == 0 ? "early" : "";
            csv.Append($"{phone};06{i:00000000};First{i};\"Last; {i}\";ACME;;{date};{period}\n");
        }
        return csv.ToString();
    }

    private static async Task<HttpResponseMessage> Send(TestServer server, string token, HttpMethod method, string path, string? body = null, string type = "application/json")
    {
        var request = new HttpRequestMessage(method, "/xuc/api/2.0/callbacks" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, type);
        return await server.Http.SendAsync(request);
    }

    private static async Task<JToken> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JToken.Parse(text);
    }

    [Fact]
    public async Task Lists_periods_and_requests_are_managed_and_a_csv_with_three_bad_rows_is_refused_whole_naming_them()
    {
        await using var server = await TestServer.StartAsync();
        var admin = await CtiClient.TokenAsync(server, "admin", "admin");

        var morning = await Ok(await Send(server, admin, HttpMethod.Post, "/periods", """{"name":"Early","periodStart":"07:00:00","periodEnd":"09:00:00","default":true}"""), HttpStatusCode.Created);
        Assert.Equal("a preferred period named 'morning' exists already (a CSV names periods by name)", (string)(await Ok(await Send(server, admin, HttpMethod.Post, "/periods",
            """{"name":"morning","periodStart":"08:00:00","periodEnd":"10:00:00"}"""), HttpStatusCode.BadRequest))["message"]!);
        var refusedPeriod = await Ok(await Send(server, admin, HttpMethod.Post, "/periods", """{"name":"Bad","periodStart":"14:00:00","periodEnd":"12:00:00"}"""), HttpStatusCode.BadRequest);
        Assert.Equal("periodStart 14:00:00 is not before periodEnd 12:00:00", (string)refusedPeriod["message"]!);
        var list = await Ok(await Send(server, admin, HttpMethod.Post, "/lists", """{"name":"Sales callbacks","queueId":1}"""), HttpStatusCode.Created);
        var uuid = (string)list["uuid"]!;
        Assert.Equal("queueId 99 is no configured queue",
            (string)(await Ok(await Send(server, admin, HttpMethod.Post, "/lists", """{"name":"Nowhere","queueId":99}"""), HttpStatusCode.BadRequest))["message"]!);

        // 1,000 rows, 3 bad (lines 2 + index): refused whole, each named.
        var refused = await Ok(await Send(server, admin, HttpMethod.Post, $"/lists/{uuid}/import", Csv(1000, 17, 402, 998), "text/csv"), HttpStatusCode.BadRequest);
        Assert.Equal("InvalidCallback", (string)refused["error"]!);
        Assert.Equal(
        [
            "line 19: phoneNumber 'not-a-number' is not a phone number (digits, *, #, an optional leading +)",
            "line 404: dueDate '2026-13-01' is not a date YYYY-MM-DD",
            "line 1000: no preferred period named 'Evening'",
        ], refused["errors"]!.Values<string>());
        Assert.Empty(await Ok(await Send(server, admin, HttpMethod.Get, $"/lists/{uuid}/requests")));

        var imported = await Ok(await Send(server, admin, HttpMethod.Post, $"/lists/{uuid}/import", Csv(1000), "text/csv"));
        Assert.Equal(1000, (int)imported["imported"]!);
        var requests = (JArray)await Ok(await Send(server, admin, HttpMethod.Get, $"/lists/{uuid}/requests"));
        Assert.Equal(1000, requests.Count);
        var first = (JObject)requests[0];
        Assert.Equal(("0123450000", "0600000000", "Last; 0", "2026-12-07", (string)morning["uuid"]!),
            ((string)first["phoneNumber"]!, (string)first["mobilePhoneNumber"]!, (string)first["lastName"]!, (string)first["dueDate"]!, (string)first["preferredPeriod"]!["uuid"]!));
        // An empty period is the default one.
        Assert.Equal("Early", (string)requests[1]["preferredPeriod"]!["name"]!);

        var one = await Ok(await Send(server, admin, HttpMethod.Post, $"/lists/{uuid}/requests", """{"phoneNumber":"+33 1 02 03 04 05","firstName":"Zoé","dueDate":"2026-12-24"}"""), HttpStatusCode.Created);
        var changed = await Ok(await Send(server, admin, HttpMethod.Put, $"/requests/{one["uuid"]}", """{"phoneNumber":"0102030405","firstName":"Zoé","company":"Noël SA","dueDate":"2026-12-24"}"""));
        Assert.Equal(("0102030405", "Noël SA"), ((string)changed["phoneNumber"]!, (string)changed["company"]!));
        Assert.Equal(HttpStatusCode.NoContent, (await Send(server, admin, HttpMethod.Delete, $"/requests/{one["uuid"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(server, admin, HttpMethod.Get, $"/requests/{one["uuid"]}")).StatusCode);

        var agent = await CtiClient.TokenAsync(server, "jbond", "jbond");
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(server, agent, HttpMethod.Get, "/lists")).StatusCode);
        var tickets = await Send(server, admin, HttpMethod.Get, "/tickets");
        Assert.Equal("text/csv", tickets.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("uuid,requestUuid,listUuid,agentId,phoneNumber,start,lastUpdate,status,comment", await tickets.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_callbacks_on_the_command_line_names_the_bad_lines_and_imports_a_good_file()
    {
        using var dir = new TempDirectory();
        await using (var server = await TestServer.StartInAsync(dir.Path))
        {
            var admin = await CtiClient.TokenAsync(server, "admin", "admin");
            await Ok(await Send(server, admin, HttpMethod.Post, "/periods", """{"name":"Early","periodStart":"07:00:00","periodEnd":"09:00:00"}"""), HttpStatusCode.Created);
            await Ok(await Send(server, admin, HttpMethod.Post, "/lists", """{"uuid":"list-cli","name":"Billing callbacks","queueId":3}"""), HttpStatusCode.Created);
        }
        var overrides = $"xuc.data-dir = \"{dir.Path}\"";
        var bad = dir.File("bad.csv");
        await File.WriteAllTextAsync(bad, Csv(10, 2, 5, 9));
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await ImportCallbacksCommand.RunAsync(["Billing callbacks", bad], output, error, overrides));
        Assert.Equal(
            $"refused, nothing imported from {bad}: 3 errors\n  line 4: phoneNumber 'not-a-number' is not a phone number (digits, *, #, an optional leading +)\n" +
            "  line 7: dueDate '2026-13-01' is not a date YYYY-MM-DD\n  line 11: no preferred period named 'Evening'\n", error.ToString().Replace("\r\n", "\n"));

        var good = dir.File("good.csv");
        await File.WriteAllTextAsync(good, Csv(10));
        Assert.Equal(0, await ImportCallbacksCommand.RunAsync(["list-cli", good], output, error, overrides));
        Assert.Contains("imported 10 callback requests", output.ToString());
        Assert.Equal(1, await ImportCallbacksCommand.RunAsync(["nope", good], output, error, overrides));
        Assert.Equal(2, await ImportCallbacksCommand.RunAsync([good], output, error, overrides));

        await using var again = await TestServer.StartInAsync(dir.Path);
        var token = await CtiClient.TokenAsync(again, "admin", "admin");
        Assert.Equal(10, ((JArray)await Ok(await Send(again, token, HttpMethod.Get, "/lists/list-cli/requests"))).Count);
    }
}
