using Akka.Actor;
using Xuc.Actors.Configuration;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Queries;

namespace Xuc.Actors.Sessions.Directory;

/// <summary>
/// The numeric phone state (<see cref="PhoneHintStatus"/>) of the numbers a result shows, asked of their lines at the
/// moment of the search: a number no line has is -2; a line that does not answer within <see cref="AskTimeout"/> reads
/// as unavailable (4). Later changes reach the client through <c>subscribeToPhoneHints</c> (docs/directory.md).
/// </summary>
public sealed class PhoneStates(EntityConfigDirectory config, IActorRef lines)
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);
    private const int Unavailable = 4;

    public async Task<IReadOnlyDictionary<string, int>> OfAsync(IEnumerable<string> numbers)
    {
        var asked = numbers.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(async n => (Number: n, Status: await OfAsync(n))).ToList();
        return (await Task.WhenAll(asked)).ToDictionary(p => p.Number, p => p.Status, StringComparer.Ordinal);
    }

    private async Task<int> OfAsync(string number)
    {
        if (config.LineByNumber(number) is not { Interface.Length: > 0 } line) return PhoneHintStatus.UnknownNumber;
        try { return PhoneHintStatus.Of((await lines.Ask<LineSnapshot>(new GetLineState(line.Interface), AskTimeout)).DeviceState); }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException) { return Unavailable; }
    }
}
