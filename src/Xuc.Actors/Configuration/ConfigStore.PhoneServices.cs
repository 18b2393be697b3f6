using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Configuration.Storage;

namespace Xuc.Actors.Configuration;

public sealed partial class ConfigStore
{
    /// <summary>
    /// A user's own phone-service change (the CTI's <c>dnd</c> and forwards): applied to the user as stored now (so an
    /// administrator's concurrent change of his name is kept), validated and written like any other change, and
    /// announced with <see cref="ConfigChange.Origin"/> <paramref name="origin"/>.
    /// </summary>
    /// <returns>The user as written, or null when there is no such user any more.</returns>
    public async Task<User?> SetPhoneServicesAsync(int userId, Func<PhoneServices, PhoneServices> change, string origin = ConfigChange.CtiOrigin)
    {
        var result = await WriteAsync(async (db, current) =>
        {
            var key = userId.ToString();
            if (current.Users.FirstOrDefault(u => u.Id == userId) is not { } previous) return null;
            var written = previous with { Services = change(previous.Services ?? PhoneServices.Off) };
            var next = ConfigKinds.User.Upsert(current, written);
            ConfigValidator.Validate(next);
            await KindTables.Of(ConfigKinds.User).WriteAsync(db, written);
            return new Decision(new ConfigChange(ConfigKinds.User.Name, key, ChangeOp.Updated, written, previous, origin), next);
        });
        if (result is null) return null;
        Changed?.Invoke(result);
        return (User)result.Value!;
    }
}
