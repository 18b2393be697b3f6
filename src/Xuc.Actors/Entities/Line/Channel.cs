namespace Xuc.Actors.Entities.Line;

/// <summary>One Asterisk channel on a line, as the line sees it.</summary>
public sealed record Channel(
    string UniqueId,
    string LinkedId,
    string Name,
    int State,
    string CallerIdNum,
    string CallerIdName,
    string ConnectedNum,
    string ConnectedName,
    bool OnHold);
