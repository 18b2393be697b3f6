using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Host.AsteriskConfig;

/// <summary>One phone the generated PBX rings: a PJSIP line of the store, its endpoint name, its user and its SIP port.</summary>
public sealed record Phone(Line Line, string Endpoint, User? User, int Port)
{
    public string CallerName => User is null ? Line.Number : $"{User.FirstName} {User.LastName}".Trim();

    /// <summary>The user's mailbox as app_voicemail names it (<c>box@context</c>), or null when he has none.</summary>
    public string? Mailbox => User?.VoiceMailBox switch
    {
        null => User is null ? null : $"{Line.Number}@{Line.Context}",
        "" => null,
        var box when box.Contains('@') => box,
        var box => box + "@default",
    };
}

/// <summary>The phones of a configuration: the lines whose interface is <c>PJSIP/name</c> (others are left to their own PBX).</summary>
public static class PhonePlan
{
    public static IReadOnlyList<Phone> Of(ConfigSnapshot config, int portBase) =>
        config.Lines.Where(l => l.Interface.StartsWith("PJSIP/", StringComparison.Ordinal) && l.Interface.Length > 6)
            .OrderBy(l => l.Id)
            .Select((l, i) => new Phone(l, l.Interface[6..], config.Users.FirstOrDefault(u => u.LineId == l.Id), portBase + i))
            .ToList();
}
