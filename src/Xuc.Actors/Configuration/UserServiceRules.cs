using System.Text.RegularExpressions;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration;

/// <summary>The checks of a user's phone services and mailbox (part of <see cref="ConfigValidator"/>).</summary>
public static partial class UserServiceRules
{
    /// <summary><c>box</c> or <c>box@context</c>, as app_voicemail names a mailbox (no spaces, no list separators).</summary>
    [GeneratedRegex(@"^[^\s@,&|]{1,80}(@[^\s@,&|]{1,80})?$")]
    private static partial Regex Mailbox();

    public static IEnumerable<string> Problems(User u)
    {
        if (u.Services is { } s)
        {
            if (ForwardDestination.Problem(s.NaFwdEnabled, s.NaFwdDestination) is { } na) yield return "services naFwdDestination: " + na;
            if (ForwardDestination.Problem(s.UncFwdEnabled, s.UncFwdDestination) is { } unc) yield return "services uncFwdDestination: " + unc;
            if (ForwardDestination.Problem(s.BusyFwdEnabled, s.BusyFwdDestination) is { } busy) yield return "services busyFwdDestination: " + busy;
        }
        if (u.VoiceMailBox is { Length: > 0 } box && !Mailbox().IsMatch(box))
            yield return $"voiceMailBox '{box}' is not a mailbox such as 1001 or 1001@default";
    }
}
