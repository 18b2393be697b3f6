using Xuc.Ami.Events;
using Xuc.Ami.Framing;

namespace Xuc.Ami.Client;

/// <summary>The response to an action: <c>Response: Success|Error|Follows|Goodbye</c> and its headers.</summary>
public sealed class AmiResponse(AmiMessage message)
{
    public AmiMessage Message { get; } = message;
    public string Response => Message["Response"] ?? "";
    public bool IsSuccess => !Message.ValueEquals("Response", "Error");
    public string? Text => Message["Message"];
    public string? this[string header] => Message[header];
    public override string ToString() => Message.ToString();
}

/// <summary>An action answered by a list: the response, the items, and the closing <c>...Complete</c> event.</summary>
public sealed class AmiEventList(AmiResponse response, IReadOnlyList<AmiEvent> events, AmiEvent? complete)
{
    public AmiResponse Response { get; } = response;
    public IReadOnlyList<AmiEvent> Events { get; } = events;
    public AmiEvent? Complete { get; } = complete;
}
