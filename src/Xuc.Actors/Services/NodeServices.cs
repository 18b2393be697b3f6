using System.Collections.Concurrent;
using Akka.Actor;

namespace Xuc.Actors.Services;

/// <summary>
/// The node's services that are not actors (the call history's store, the membership desk, the directory...), one per
/// type, registered at start-up by the host's wiring (<c>Host/Startup</c>) and read by actors and command handlers:
/// <c>NodeServices.For(system).Get&lt;T&gt;()</c>. An Akka extension, so a test's plain ActorSystem registers what it
/// needs the same way. Actors are reached through Akka.Hosting's <c>ActorRegistry</c>; services through this.
/// </summary>
public sealed class NodeServices : IExtension
{
    private readonly ConcurrentDictionary<Type, object> _services = new();

    public static NodeServices For(ActorSystem system) => system.WithExtension<NodeServices, NodeServicesProvider>();

    /// <summary>Registers (or replaces) the node's <typeparamref name="T"/>.</summary>
    public void Register<T>(T service) where T : class => _services[typeof(T)] = service;

    /// <returns>The node's <typeparamref name="T"/>; null when this node has none (a feature turned off, a test without it).</returns>
    public T? Get<T>() where T : class => _services.TryGetValue(typeof(T), out var s) ? (T)s : null;
}

public sealed class NodeServicesProvider : ExtensionIdProvider<NodeServices>
{
    public override NodeServices CreateExtension(ExtendedActorSystem system) => new();
}
