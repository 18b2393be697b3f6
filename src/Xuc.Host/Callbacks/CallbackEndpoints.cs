using Akka.Actor;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Callbacks;
using Xuc.Actors.Configuration;
using Xuc.Actors.Sessions.Callbacks;
using Xuc.Host.Auth;
using Xuc.Host.Http;

namespace Xuc.Host.Callbacks;

/// <summary>
/// Callback lists, preferred periods, requests and tickets over REST, Admin only (docs/callbacks.md, "Admin API"):
/// <c>/xuc/api/2.0/callbacks/lists[/{uuid}[/requests|/import]]</c>, <c>/callbacks/requests/{uuid}</c>,
/// <c>/callbacks/periods[/{uuid}]</c>, <c>/callbacks/tickets</c> (CSV). A refusal names what is wrong and changes nothing.
/// </summary>
public static class CallbackEndpoints
{
    public const string Root = "/xuc/api/2.0/callbacks";
    private const string ObjectLimitSetting = "xuc.http.max-body (XUC_HTTP_MAX_BODY)";
    private const string ImportLimitSetting = "xuc.http.max-import-body (XUC_HTTP_MAX_IMPORT_BODY)";

    public static IEndpointRouteBuilder MapCallbackEndpoints(this IEndpointRouteBuilder root)
    {
        var app = root.MapGroup(Root).RequireAuthorization(XucPolicies.Admin);
        app.MapGet("/lists", (CallbackStore s) => Guarded(async () => WireJson.Json(await s.ListsAsync())));
        app.MapGet("/lists/{uuid}", (string uuid, CallbackStore s) => Guarded(async () =>
            await s.ListAsync(uuid) is { } list ? WireJson.Json(list) : NotFound("callback list", uuid)));
        app.MapPost("/lists", (HttpRequest r, CallbackStore s, ConfigStore config, BodyLimits limits) => Guarded(async () =>
        {
            var body = await ObjectOf(r, limits);
            var list = new CallbackList((string?)body["uuid"] is { Length: > 0 } u ? u : CallbackStore.NewUuid(), (string?)body["name"] ?? "", Int(body, "queueId"));
            if (await s.ListAsync(list.Uuid) is not null) return WireJson.Error(409, "AlreadyExists", $"callback list {list.Uuid} already exists; PUT {Root}/lists/{list.Uuid} replaces it");
            await s.UpsertListAsync(list, await QueueIds(config));
            return WireJson.Json(list, 201);
        }));
        app.MapPut("/lists/{uuid}", (string uuid, HttpRequest r, CallbackStore s, ConfigStore config, BodyLimits limits) => Guarded(async () =>
        {
            var body = await ObjectOf(r, limits);
            var list = new CallbackList(uuid, (string?)body["name"] ?? "", Int(body, "queueId"));
            return WireJson.Json(list, await s.UpsertListAsync(list, await QueueIds(config)) ? 201 : 200);
        }));
        app.MapDelete("/lists/{uuid}", (string uuid, CallbackStore s) => Guarded(async () =>
            await s.DeleteListAsync(uuid) ? Results.NoContent() : NotFound("callback list", uuid)));

        app.MapGet("/lists/{uuid}/requests", (string uuid, CallbackStore s) => Guarded(async () =>
        {
            if (await s.ListAsync(uuid) is null) return NotFound("callback list", uuid);
            var periods = (await s.PeriodsAsync()).ToDictionary(p => p.Uuid);
            return WireJson.Json((await s.RequestsOfListAsync(uuid)).Select(q => RequestView.Of(q, periods)));
        }));
        app.MapPost("/lists/{uuid}/requests", (string uuid, HttpRequest r, CallbackStore s, BodyLimits limits, ActorSystem system) => Guarded(async () =>
        {
            if (await s.ListAsync(uuid) is null) return NotFound("callback list", uuid);
            var request = RequestOf(await ObjectOf(r, limits), s.Today);
            var added = (await s.AddRequestsAsync(uuid, [request]))[0];
            return WireJson.Json(await Announce(system, s, added), 201);
        }));
        app.MapPost("/lists/{uuid}/import", (string uuid, HttpRequest r, CallbackStore s, BodyLimits limits) => Guarded(async () =>
        {
            if (await s.ListAsync(uuid) is null) return NotFound("callback list", uuid);
            using var body = await WireJson.ReadBodyAsync(r, limits.Import, ImportLimitSetting);
            var added = await s.ImportCsvAsync(uuid, new StreamReader(body));
            return WireJson.Json(new JObject { ["imported"] = added.Count, ["listUuid"] = uuid });
        }));

        app.MapGet("/requests/{uuid}", (string uuid, CallbackStore s) => Guarded(async () =>
            await s.RequestAsync(uuid) is { } q ? WireJson.Json(RequestView.Of(q, (await s.PeriodsAsync()).ToDictionary(p => p.Uuid))) : NotFound("callback request", uuid)));
        app.MapPut("/requests/{uuid}", (string uuid, HttpRequest r, CallbackStore s, BodyLimits limits, ActorSystem system) => Guarded(async () =>
        {
            var updated = await s.UpdateRequestAsync(RequestOf(await ObjectOf(r, limits), s.Today) with { Uuid = uuid });
            return updated is null ? NotFound("callback request", uuid) : WireJson.Json(await Announce(system, s, updated));
        }));
        app.MapDelete("/requests/{uuid}", (string uuid, CallbackStore s) => Guarded(async () =>
            await s.DeleteRequestAsync(uuid) ? Results.NoContent() : NotFound("callback request", uuid)));

        app.MapGet("/periods", (CallbackStore s) => Guarded(async () => WireJson.Json((await s.PeriodsAsync()).Select(PeriodView.Of))));
        app.MapPost("/periods", (HttpRequest r, CallbackStore s, BodyLimits limits) => Guarded(async () =>
        {
            var period = PeriodOf(await ObjectOf(r, limits), null);
            if ((await s.PeriodsAsync()).Any(p => p.Uuid == period.Uuid))
                return WireJson.Error(409, "AlreadyExists", $"preferred period {period.Uuid} already exists; PUT {Root}/periods/{period.Uuid} replaces it");
            await s.UpsertPeriodAsync(period);
            return WireJson.Json(PeriodView.Of(period), 201);
        }));
        app.MapPut("/periods/{uuid}", (string uuid, HttpRequest r, CallbackStore s, BodyLimits limits) => Guarded(async () =>
        {
            var period = PeriodOf(await ObjectOf(r, limits), uuid);
            return WireJson.Json(PeriodView.Of(period), await s.UpsertPeriodAsync(period) ? 201 : 200);
        }));
        app.MapDelete("/periods/{uuid}", (string uuid, CallbackStore s) => Guarded(async () =>
            await s.DeletePeriodAsync(uuid) ? Results.NoContent() : NotFound("preferred period", uuid)));

        app.MapGet("/tickets", (HttpRequest r, CallbackStore s) => Guarded(async () =>
        {
            var from = Date(r.Query["from"], "from");
            var to = Date(r.Query["to"], "to");
            var csv = CallbackCsv.WriteTickets(await s.TicketsAsync(r.Query["listUuid"].FirstOrDefault(), from, to));
            return Results.Text(csv, "text/csv; charset=utf-8");
        }));
        return root;
    }

    private static async Task<RequestView> Announce(ActorSystem system, CallbackStore s, CallbackRequest request)
    {
        var view = RequestView.Of(request, (await s.PeriodsAsync()).ToDictionary(p => p.Uuid));
        CallbackEvent.Publish(system, new CallbackEvent(CallbackEvent.Updated, request.ListUuid, view));
        return view;
    }

    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (CallbackValidationException e)
        {
            return WireJson.Json(new JObject { ["error"] = "InvalidCallback", ["message"] = e.Message, ["errors"] = new JArray(e.Errors) }, 400);
        }
        catch (BadBodyException e)
        {
            return WireJson.Error(400, AuthError.InvalidJson, e.Message);
        }
    }

    private static async Task<IReadOnlySet<int>> QueueIds(ConfigStore config) =>
        (await config.ListAsync(ConfigKinds.Queue)).Cast<Xuc.Actors.Configuration.Model.Queue>().Select(q => q.Id).ToHashSet();

    private static async Task<JObject> ObjectOf(HttpRequest r, BodyLimits limits) =>
        await WireJson.ReadObjectAsync(r, limits.Object, ObjectLimitSetting) ?? throw new BadBodyException("the body must be a JSON object");

    private static int Int(JObject body, string name) =>
        body[name] is { Type: JTokenType.Integer } t && int.TryParse(t.ToString(), out var n) ? n : throw new BadBodyException($"{name} must be an integer");

    private static string? Text(JObject body, string name) => body[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        { Type: JTokenType.String } t => (string?)t,
        _ => throw new BadBodyException($"{name} must be a string"),
    };

    private static CallbackRequest RequestOf(JObject body, string today) => new()
    {
        PhoneNumber = Text(body, "phoneNumber"), MobilePhoneNumber = Text(body, "mobilePhoneNumber"),
        FirstName = Text(body, "firstName"), LastName = Text(body, "lastName"), Company = Text(body, "company"),
        Description = Text(body, "description"), DueDate = Text(body, "dueDate") ?? today,
        PeriodUuid = Text(body, "periodUuid") ?? (string?)(body["preferredPeriod"] as JObject)?["uuid"],
    };

    private static PreferredPeriod PeriodOf(JObject body, string? uuid) => new(
        uuid ?? (Text(body, "uuid") is { Length: > 0 } u ? u : CallbackStore.NewUuid()),
        Text(body, "name") ?? "", Text(body, "periodStart") ?? "", Text(body, "periodEnd") ?? "",
        body["default"] is { Type: JTokenType.Boolean } d ? (bool)d : body["default"] is null ? false : throw new BadBodyException("default must be true or false"));

    private static DateTimeOffset? Date(string? text, string name)
    {
        if (string.IsNullOrEmpty(text)) return null;
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d : throw new BadBodyException($"{name} '{CallbackRules.Cut(text)}' is not a date (YYYY-MM-DD or ISO 8601)");
    }

    private static IResult NotFound(string what, string id) => WireJson.Error(404, "NotFound", $"no {what} {CallbackRules.Cut(id)}");

    private sealed class BadBodyException(string message) : Exception(message);
}
