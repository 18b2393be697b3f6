using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

/// <summary>The two halves of a Local channel (core_local.c local_message_to_ami): <c>LocalOne…</c> is ;1, <c>LocalTwo…</c> is ;2.</summary>
public abstract class LocalChannelEvent(AmiMessage message) : AmiEvent(message)
{
    public PrefixedChannel LocalOne { get; } = new(message, "LocalOne");
    public PrefixedChannel LocalTwo { get; } = new(message, "LocalTwo");
}

/// <summary>The two halves are up and bridged: then <c>Context</c>, <c>Exten</c>, <c>LocalOptimization: Yes|No</c> (No with <c>/n</c>).</summary>
public sealed class LocalBridgeEvent(AmiMessage message) : LocalChannelEvent(message)
{
    public string Context => Get("Context");
    public string Exten => Get("Exten");
    public bool LocalOptimization => Message.ValueEquals("LocalOptimization", "Yes");
}

/// <summary>
/// The Local pair starts optimising itself away: <c>Source…</c> (the channel that will replace a half, left out when
/// none), <c>DestUniqueId</c>, <c>Id</c> (matches the LocalOptimizationEnd).
/// </summary>
public sealed class LocalOptimizationBeginEvent(AmiMessage message) : LocalChannelEvent(message)
{
    public PrefixedChannel Source { get; } = new(message, "Source");
    public string DestUniqueId => Get("DestUniqueId");
    public int Id => Int("Id");
}

/// <summary>The optimisation ended: <c>Success: Yes|No</c>, <c>Id</c>.</summary>
public sealed class LocalOptimizationEndEvent(AmiMessage message) : LocalChannelEvent(message)
{
    public bool Success => Message.ValueEquals("Success", "Yes");
    public int Id => Int("Id");
}
