namespace Xuc.Actors.Sessions.Commands;

/// <summary>
/// A CTI command decoded from its frame (PROTOCOL.md §2.1): a record whose fields are the arguments, typed and
/// checked once by the command's <see cref="CtiCommandDefinition"/> when the frame is decoded. Below the codec no
/// command reads JSON.
/// </summary>
public interface ICtiCommand;

/// <summary>Handles one kind of command for the session that received it, on the session actor's thread.</summary>
public interface ICtiCommandHandler<in T> where T : ICtiCommand
{
    void Handle(T command, SessionContext session);
}

/// <summary>
/// A feature folder's commands (Directory, Callbacks, History...). Every non-abstract type implementing this with a
/// parameterless constructor is found by <see cref="CtiCommandRegistry"/>: adding commands is adding a folder.
/// </summary>
public interface ICtiFeature
{
    IEnumerable<CtiCommandDefinition> Commands { get; }
}
