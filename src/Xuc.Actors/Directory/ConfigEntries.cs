using System.Globalization;
using Xuc.Actors.Configuration;

namespace Xuc.Actors.Directory;

/// <summary>The entries of the two sources read from the configuration: its users (number: their line's) and its directory contacts.</summary>
public static class ConfigEntries
{
    public static IEnumerable<DirectoryEntry> Users(ConfigSnapshot config, string source)
    {
        var lines = config.Lines.ToDictionary(l => l.Id);
        foreach (var u in config.Users)
        {
            var number = u.LineId is { } l && lines.TryGetValue(l, out var line) ? line.Number : "";
            yield return new DirectoryEntry(source, u.Id.ToString(CultureInfo.InvariantCulture), u.FirstName, u.LastName, number, u.MobileNumber ?? "", "", "");
        }
    }

    public static IEnumerable<DirectoryEntry> Contacts(ConfigSnapshot config, string source)
        => config.Contacts.Select(c => new DirectoryEntry(source, c.Id.ToString(CultureInfo.InvariantCulture), c.FirstName, c.LastName, c.Number,
            c.Mobile ?? "", c.Company ?? "", c.Email ?? ""));
}
