using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions.Commands;

/// <summary>
/// One command of a feature: its name, the profiles that may send it (PROTOCOL.md §3, the rights check done before
/// anything else), how its frame becomes its record, and its handler.
/// </summary>
public sealed class CtiCommandDefinition
{
    private readonly Func<CommandArguments, ICtiCommand> _decode;
    private readonly Action<ICtiCommand, SessionContext> _handle;

    private CtiCommandDefinition(string name, IReadOnlySet<ProfileKind> allowed, Func<CommandArguments, ICtiCommand> decode, Action<ICtiCommand, SessionContext> handle)
    {
        Name = name;
        Allowed = allowed;
        _decode = decode;
        _handle = handle;
    }

    public string Name { get; }

    public IReadOnlySet<ProfileKind> Allowed { get; }

    public static CtiCommandDefinition Of<T>(string name, IReadOnlySet<ProfileKind> allowed, Func<CommandArguments, T> decode, ICtiCommandHandler<T> handler)
        where T : ICtiCommand =>
        new(name, allowed, args => decode(args), (command, session) => handler.Handle((T)command, session));

    /// <summary>The frame's arguments read into the command's record, or why they do not fit.</summary>
    public DecodedCommand Decode(JObject frame)
    {
        try
        {
            return new DecodedCommand(this, _decode(new CommandArguments(Name, frame)), null);
        }
        catch (CommandArgumentException e)
        {
            return new DecodedCommand(this, null, e.Message);
        }
    }

    public void Handle(ICtiCommand command, SessionContext session) => _handle(command, session);
}

/// <summary>A frame decoded by its command's definition: the record, or the reason its arguments were refused.</summary>
public sealed record DecodedCommand(CtiCommandDefinition Definition, ICtiCommand? Command, string? Error);

/// <summary>The profile sets commands are allowed to (PROTOCOL.md §3).</summary>
public static class CtiProfiles
{
    public static readonly IReadOnlySet<ProfileKind> Everyone = new HashSet<ProfileKind> { ProfileKind.Admin, ProfileKind.Supervisor, ProfileKind.NoRight };
    public static readonly IReadOnlySet<ProfileKind> Supervisors = new HashSet<ProfileKind> { ProfileKind.Admin, ProfileKind.Supervisor };
    public static readonly IReadOnlySet<ProfileKind> Admins = new HashSet<ProfileKind> { ProfileKind.Admin };
}
