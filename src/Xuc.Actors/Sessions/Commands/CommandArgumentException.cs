namespace Xuc.Actors.Sessions.Commands;

/// <summary>A frame's argument that does not fit its command (answered <c>Error InvalidArgument</c> with this message).</summary>
public sealed class CommandArgumentException(string message) : Exception(message);
