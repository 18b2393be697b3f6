using System.Globalization;

namespace Xuc.Actors.Callbacks;

public sealed partial class CallbackStore
{
    /// <summary>The server's local date, <c>YYYY-MM-DD</c> (a due date's day).</summary>
    public string Today => TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Clock.LocalTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The server's local time of day, <c>HH:mm:ss</c>.</summary>
    public string TimeOfDay => TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Clock.LocalTimeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Imports a CSV file of requests into a list (<see cref="CallbackCsv"/>), all or nothing: any bad line throws
    /// <see cref="CallbackValidationException"/> naming every bad line, and nothing is written.
    /// </summary>
    public async Task<IReadOnlyList<CallbackRequest>> ImportCsvAsync(string listUuid, TextReader csv)
    {
        if (await ListAsync(listUuid) is null) throw new CallbackValidationException($"no callback list '{CallbackRules.Cut(listUuid)}'");
        var requests = CallbackCsv.Read(csv, await PeriodsAsync(), Today);
        return await AddRequestsAsync(listUuid, requests);
    }
}
