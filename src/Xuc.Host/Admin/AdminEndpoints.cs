using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.Admin;

/// <summary>
/// Configuration objects over REST, Admin only: <c>GET|POST /xuc/api/2.0/config/{kind}</c>,
/// <c>GET|PUT|DELETE /xuc/api/2.0/config/{kind}/{id}</c>, <c>GET /config/export</c>, <c>POST /config/import?mode=replace|merge</c>.
/// Kinds: user, line, agent, queue, agentgroup, rightprofile, userstatus, contact. Every write is validated against the
/// whole configuration; a refusal names the object and field and changes nothing.
/// </summary>
public static class AdminEndpoints
{
    public const string Root = "/xuc/api/2.0/config";
    private static readonly JsonSerializer Json = JsonSerializer.Create(ConfigFile.Settings);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder root)
    {
        var app = root.MapGroup("").RequireAuthorization(XucPolicies.Admin);
        app.MapGet(Root + "/export", (HttpRequest r, ConfigStore s) => Guarded(async () =>
            (IResult)new TextResult(ConfigFile.Write(WithoutPasswords(await s.LoadAsync())))));
        app.MapPost(Root + "/import", (HttpRequest r, ConfigStore s, BodyLimits limits) => Guarded(async () =>
        {
            if (ImportModes.Parse(r.Query["mode"]) is not { } mode)
                return WireJson.Error(400, "ImportModeRequired", $"say how to import: {Root}/import?mode=replace (the file becomes the whole configuration; " +
                    "objects it lacks are deleted) or ?mode=merge (objects of the file replace those with the same key, others stay)");
            using var body = await WireJson.ReadBodyAsync(r, limits.Import, ImportLimitSetting);
            var result = await s.ImportAsync(ConfigFile.Parse(new StreamReader(body)), mode);
            return WireJson.Json(new JObject
            {
                ["imported"] = true, ["mode"] = result.ModeName,
                ["added"] = JObject.FromObject(result.Added), ["updated"] = JObject.FromObject(result.Updated), ["deleted"] = JObject.FromObject(result.Deleted),
            });
        }));
        app.MapGet(Root + "/{kind}", (string kind, HttpRequest r, ConfigStore s) => Guarded(async () =>
            Kind(kind) is { } k ? WireJson.Json(ToJson(await s.ListAsync(k))) : UnknownKind(kind)));
        app.MapGet(Root + "/{kind}/{id}", (string kind, string id, HttpRequest r, ConfigStore s) => Guarded(async () =>
        {
            if (Kind(kind) is not { } k) return UnknownKind(kind);
            return await s.GetAsync(k, id) is { } item ? WireJson.Json(ToJson(item)) : NotFound(kind, id);
        }));
        app.MapPost(Root + "/{kind}", (string kind, HttpRequest r, ConfigStore s, BodyLimits limits) => Guarded(async () =>
        {
            if (Kind(kind) is not { } k) return UnknownKind(kind);
            var (item, _) = await ReadItem(r, k, limits);
            if (await s.GetAsync(k, k.KeyOf(item)) is not null)
                return WireJson.Error(409, "AlreadyExists", $"{k.Name} {k.KeyOf(item)} already exists; PUT {Root}/{k.Name}/{k.KeyOf(item)} replaces it");
            await s.UpsertAsync(k, item);
            return WireJson.Json(ToJson((await s.GetAsync(k, k.KeyOf(item)))!), 201);
        }));
        app.MapPut(Root + "/{kind}/{id}", (string kind, string id, HttpRequest r, ConfigStore s, BodyLimits limits) => Guarded(async () =>
        {
            if (Kind(kind) is not { } k) return UnknownKind(kind);
            var (given, body) = await ReadItem(r, k, limits);
            var item = k.WithKey(given, id);
            if (body.ContainsKey(k.KeyField) && k.KeyOf(given) != k.KeyOf(item))
                return WireJson.Error(400, "KeyMismatch", $"the body's {k.KeyField} '{k.KeyOf(given)}' differs from the path's '{k.KeyOf(item)}' " +
                    $"(PUT {Root}/{k.Name}/{id}): leave {k.KeyField} out of the body or make them equal; nothing was changed");
            var op = await s.UpsertAsync(k, item);
            return WireJson.Json(ToJson((await s.GetAsync(k, id))!), op == ChangeOp.Created ? 201 : 200);
        }));
        app.MapDelete(Root + "/{kind}/{id}", (string kind, string id, HttpRequest r, ConfigStore s) => Guarded(async () =>
        {
            if (Kind(kind) is not { } k) return UnknownKind(kind);
            return await s.DeleteAsync(k, id) ? Results.NoContent() : NotFound(kind, id);
        }));
        return root;
    }

    /// <summary>Runs an admin action (the caller was checked by the <see cref="XucPolicies.Admin"/> policy) and answers its refusals.</summary>
    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ConfigValidationException e)
        {
            return WireJson.Json(new JObject { ["error"] = "InvalidConfiguration", ["message"] = e.Message, ["errors"] = new JArray(e.Errors) }, 400);
        }
        catch (BadItemException e)
        {
            return WireJson.Error(400, AuthError.InvalidJson, e.Message);
        }
        catch (EmptyImportException e)
        {
            return WireJson.Error(400, "EmptyImport", e.Message);
        }
    }

    private static IConfigKind? Kind(string name) => ConfigKinds.Find(name);

    private static IResult UnknownKind(string kind)
        => WireJson.Error(404, "UnknownObjectType", $"'{kind}' is not one of {string.Join(", ", ConfigKinds.All.Select(k => k.Name))}");

    private static IResult NotFound(string kind, string id) => WireJson.Error(404, "NotFound", $"no {kind} {id}");

    private const string ObjectLimitSetting = "xuc.http.max-body (XUC_HTTP_MAX_BODY)";
    private const string ImportLimitSetting = "xuc.http.max-import-body (XUC_HTTP_MAX_IMPORT_BODY)";

    /// <summary>The object a body describes, and the body (to see which fields it gave).</summary>
    private static async Task<(object Item, JObject Body)> ReadItem(HttpRequest request, IConfigKind kind, BodyLimits limits)
    {
        var body = await WireJson.ReadObjectAsync(request, limits.Object, ObjectLimitSetting) ?? throw new BadItemException($"the body must be a JSON {kind.Name} object");
        try
        {
            return (body.ToObject(kind.ItemType, Json) ?? throw new BadItemException($"the body must be a JSON {kind.Name} object"), body);
        }
        catch (JsonException e)
        {
            throw new BadItemException($"{kind.Name}: {e.Message}");
        }
    }

    /// <summary>Objects as the admin API shows them: camelCase, and never a password hash.</summary>
    private static JToken ToJson(object item) => JToken.FromObject(item is User u ? u with { PasswordHash = null, Password = null } : item, Json);

    /// <summary>
    /// The export without password hashes (docs/security.md): imported back, each user keeps the password stored
    /// under his id; a user new to the store needs a <c>password</c>.
    /// </summary>
    private static ConfigSnapshot WithoutPasswords(ConfigSnapshot snapshot) =>
        snapshot with { Users = [.. snapshot.Users.Select(u => u with { PasswordHash = null, Password = null })] };

    private static JToken ToJson(IEnumerable<object> items) => new JArray(items.Select(ToJson));

    private sealed class BadItemException(string message) : Exception(message);

    private sealed class TextResult(string json) : IResult
    {
        public Task ExecuteAsync(HttpContext ctx)
        {
            ctx.Response.ContentType = "application/json; charset=utf-8";
            return ctx.Response.WriteAsync(json);
        }
    }
}
