using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Directory;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.Contacts;

/// <summary>
/// The caller's own contacts (xuc's personal contacts; docs/directory.md), any logged-in user, his contacts only:
/// <c>GET|POST|DELETE /xuc/api/2.0/contact/personal</c>, <c>GET|PUT|DELETE /contact/personal/{id}</c>,
/// <c>GET /contact/export/personal</c> (CSV), <c>POST /contact/import/personal</c> (CSV, refused whole on a bad row).
/// A contact is <c>{id, firstname, lastname, number, mobile, email, company}</c>.
/// </summary>
public static class PersonalContactEndpoints
{
    public const string Root = "/xuc/api/2.0/contact";
    private const string BodySetting = "xuc.http.max-body (XUC_HTTP_MAX_BODY)";
    private const string ImportSetting = "xuc.http.max-import-body (XUC_HTTP_MAX_IMPORT_BODY)";

    public static IEndpointRouteBuilder MapPersonalContactEndpoints(this IEndpointRouteBuilder root)
    {
        var app = root.MapGroup(Root).RequireAuthorization(XucPolicies.User);
        app.MapGet("/personal", async (HttpContext c, ConfigStore s) => WireJson.Json(new JArray((await s.PersonalContactsAsync(UserOf(c))).Select(ToJson))));
        app.MapGet("/personal/{id}", async (string id, HttpContext c, ConfigStore s) =>
            Id(id) is { } n && await s.PersonalContactAsync(UserOf(c), n) is { } contact ? WireJson.Json(ToJson(contact)) : NotFound(id));
        app.MapPost("/personal", (HttpContext c, ConfigStore s, BodyLimits limits) => Guarded(async () =>
        {
            var contact = await ReadAsync(c.Request, limits);
            var added = await s.AddPersonalContactsAsync(UserOf(c), [contact]);
            return WireJson.Json(ToJson(added[0]), 201);
        }));
        app.MapPut("/personal/{id}", (string id, HttpContext c, ConfigStore s, BodyLimits limits) => Guarded(async () =>
        {
            if (Id(id) is not { } n) return NotFound(id);
            var contact = (await ReadAsync(c.Request, limits)) with { Id = n };
            return await s.UpdatePersonalContactAsync(UserOf(c), contact) ? WireJson.Json(ToJson(contact)) : NotFound(id);
        }));
        app.MapDelete("/personal/{id}", async (string id, HttpContext c, ConfigStore s) =>
            Id(id) is { } n && await s.DeletePersonalContactAsync(UserOf(c), n) ? Results.NoContent() : NotFound(id));
        app.MapDelete("/personal", async (HttpContext c, ConfigStore s) =>
        {
            var user = UserOf(c);
            foreach (var contact in await s.PersonalContactsAsync(user)) await s.DeletePersonalContactAsync(user, contact.Id);
            return Results.NoContent();
        });
        app.MapGet("/export/personal", async (HttpContext c, ConfigStore s) =>
            Results.Text(PersonalContactsCsv.Write(await s.PersonalContactsAsync(UserOf(c))), "text/csv; charset=utf-8"));
        app.MapPost("/import/personal", (HttpContext c, ConfigStore s, BodyLimits limits) => Guarded(async () =>
        {
            using var body = await WireJson.ReadBodyAsync(c.Request, limits.Import, ImportSetting);
            var (contacts, problems) = PersonalContactsCsv.Read(await new StreamReader(body).ReadToEndAsync());
            if (problems.Count > 0)
                return WireJson.Json(new JObject { ["error"] = "InvalidCsv", ["message"] = $"{problems.Count} problem(s), nothing imported", ["errors"] = new JArray(problems) }, 400);
            var added = await s.AddPersonalContactsAsync(UserOf(c), contacts);
            return WireJson.Json(new JObject { ["imported"] = added.Count }, 201);
        }));
        return root;
    }

    private static int UserOf(HttpContext c) => int.Parse(c.User.FindFirst(XucClaims.UserId)!.Value, CultureInfo.InvariantCulture);

    private static long? Id(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IResult NotFound(string id) => WireJson.Error(404, "NotFound", $"you have no personal contact {Truncated(id)}");

    private static string Truncated(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try { return await action(); }
        catch (ConfigValidationException e)
        {
            return WireJson.Json(new JObject { ["error"] = "InvalidContact", ["message"] = e.Message, ["errors"] = new JArray(e.Errors) }, 400);
        }
    }

    private static async Task<PersonalContact> ReadAsync(HttpRequest request, BodyLimits limits)
    {
        var body = await WireJson.ReadObjectAsync(request, limits.Object, BodySetting)
            ?? throw new ConfigValidationException(["the body must be a JSON object {firstname, lastname, number, mobile, email, company}"]);
        string? Text(string field) => body[field] is { Type: JTokenType.String or JTokenType.Integer } t ? t.ToString() : null;
        var contact = new PersonalContact
        {
            FirstName = Text("firstname") ?? "", LastName = Text("lastname") ?? "", Number = Text("number") ?? "",
            Mobile = Text("mobile"), Email = Text("email"), Company = Text("company"),
        }.Tidied();
        var problems = contact.Problems();
        return problems.Count > 0 ? throw new ConfigValidationException(problems) : contact;
    }

    private static JObject ToJson(PersonalContact c) => new()
    {
        ["id"] = c.Id, ["firstname"] = c.FirstName, ["lastname"] = c.LastName, ["number"] = c.Number,
        ["mobile"] = c.Mobile, ["email"] = c.Email, ["company"] = c.Company,
    };
}
