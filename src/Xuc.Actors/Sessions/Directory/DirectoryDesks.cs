using System.Runtime.CompilerServices;
using Akka.Actor;

namespace Xuc.Actors.Sessions.Directory;

/// <summary>The node's <see cref="DirectoryDesk"/>, registered at start-up; a system without one answers the directory commands NotImplemented.</summary>
public static class DirectoryDesks
{
    private static readonly ConditionalWeakTable<ActorSystem, DirectoryDesk> Desks = new();

    public static void Register(ActorSystem system, DirectoryDesk desk) => Desks.AddOrUpdate(system, desk);

    public static DirectoryDesk? Of(ActorSystem system) => Desks.TryGetValue(system, out var d) ? d : null;
}
