using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Pbx;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>What phone commands look up besides the session's own user: another user (dialByUsername), a queue (dialFromQueue).</summary>
public interface IPhoneDirectory
{
    /// <returns>null when no user has this login.</returns>
    Task<SessionUser?> FindUserAsync(string login);

    /// <returns>null when no queue has this id.</returns>
    Task<Queue?> FindQueueAsync(int id);
}

/// <summary>Users and queues from the configuration store.</summary>
public sealed class StorePhoneDirectory(ConfigStore store) : IPhoneDirectory
{
    private readonly StoreSessionDirectory _users = new(store);

    public Task<SessionUser?> FindUserAsync(string login) => _users.FindAsync(login);

    public async Task<Queue?> FindQueueAsync(int id) => (Queue?)await store.GetAsync(ConfigKinds.Queue, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>What a session needs to run phone commands: the way to the PBX and the directory.</summary>
public sealed record PhoneControl(PbxGateway Pbx, IPhoneDirectory Directory)
{
    /// <summary>How long each AMI action of a phone command may wait for the PBX's answer.</summary>
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
