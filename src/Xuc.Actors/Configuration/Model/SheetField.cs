namespace Xuc.Actors.Configuration.Model;

/// <summary>
/// One line of the call sheet (<c>Sheet</c>) pushed to a user whose phone rings with an incoming call: its
/// <see cref="Name"/> (the key), display <see cref="Type"/> (<c>text</c>, <c>url</c>, <c>phone</c>, <c>title</c>),
/// <see cref="Order"/> and a <see cref="Value"/> template whose <c>{placeholders}</c> are filled from the call:
/// <c>{otherDN}</c>, <c>{otherDName}</c>, <c>{DN}</c>, <c>{queueName}</c>, <c>{linkedId}</c>, <c>{uniqueId}</c>,
/// <c>{callDirection}</c>, or any attached data <c>{USR_x}</c> / <c>{XIVO_x}</c> (empty when the call has none).
/// No sheet field configured: no Sheet is sent.
/// </summary>
public sealed record SheetField
{
    public string Name { get; init; } = "";
    public string Type { get; init; } = "text";
    public int Order { get; init; }
    public string Value { get; init; } = "";
}
