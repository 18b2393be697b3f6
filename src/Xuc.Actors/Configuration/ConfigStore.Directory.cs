using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Configuration.Storage;

namespace Xuc.Actors.Configuration;

/// <summary>
/// What each user keeps of the directory (docs/directory.md): his favourites (<c>xuc_directory_favorites</c>) and his
/// personal contacts (<c>xuc_personal_contacts</c>), schema step 11. They are not configuration objects: written
/// without the configuration's revision, announced by the callers.
/// </summary>
public sealed partial class ConfigStore
{
    /// <summary>The most personal contacts one user keeps.</summary>
    public const int MaxPersonalContacts = 10_000;

    public async Task<IReadOnlyList<(string Source, string ContactId)>> FavoritesAsync(int userId)
    {
        await using var db = Open();
        var rows = await db.GetTable<FavoriteRow>().Where(r => r.UserId == userId).OrderBy(r => r.Position).ToListAsync();
        return rows.Select(r => (r.Source, r.ContactId)).ToList();
    }

    /// <returns>false when it already was a favourite.</returns>
    public async Task<bool> AddFavoriteAsync(int userId, string source, string contactId)
    {
        await using var db = Open();
        if (await db.GetTable<FavoriteRow>().AnyAsync(r => r.UserId == userId && r.Source == source && r.ContactId == contactId)) return false;
        try
        {
            await db.InsertAsync(new FavoriteRow { UserId = userId, Source = source, ContactId = contactId, Position = DateTime.UtcNow.Ticks });
            return true;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            // The same favourite added by another session at the same moment: the primary key kept one.
            if (await db.GetTable<FavoriteRow>().AnyAsync(r => r.UserId == userId && r.Source == source && r.ContactId == contactId)) return false;
            throw;
        }
    }

    /// <returns>false when it was not a favourite.</returns>
    public async Task<bool> RemoveFavoriteAsync(int userId, string source, string contactId)
    {
        await using var db = Open();
        return await db.GetTable<FavoriteRow>().Where(r => r.UserId == userId && r.Source == source && r.ContactId == contactId).DeleteAsync() > 0;
    }

    public async Task<IReadOnlyList<PersonalContact>> PersonalContactsAsync(int userId)
    {
        await using var db = Open();
        var rows = await db.GetTable<PersonalContactRow>().Where(r => r.UserId == userId).OrderBy(r => r.Id).ToListAsync();
        return rows.Select(ToModel).ToList();
    }

    public async Task<PersonalContact?> PersonalContactAsync(int userId, long id)
    {
        await using var db = Open();
        var row = await db.GetTable<PersonalContactRow>().FirstOrDefaultAsync(r => r.UserId == userId && r.Id == id);
        return row is null ? null : ToModel(row);
    }

    /// <summary>Adds contacts (already <see cref="PersonalContact.Tidied"/> and checked) in one transaction; refused whole past <see cref="MaxPersonalContacts"/>.</summary>
    /// <returns>The contacts as stored, with their ids.</returns>
    public async Task<IReadOnlyList<PersonalContact>> AddPersonalContactsAsync(int userId, IReadOnlyList<PersonalContact> contacts)
    {
        await using var db = Open();
        await using var tx = await db.BeginTransactionAsync();
        var count = await db.GetTable<PersonalContactRow>().CountAsync(r => r.UserId == userId);
        if (count + contacts.Count > MaxPersonalContacts)
            throw new ConfigValidationException([$"a user keeps at most {MaxPersonalContacts} personal contacts: he has {count}, {contacts.Count} more is too many"]);
        var added = new List<PersonalContact>(contacts.Count);
        foreach (var c in contacts)
        {
            var id = Convert.ToInt64(await db.InsertWithIdentityAsync(ToRow(userId, c)));
            added.Add(c with { Id = id });
        }
        await tx.CommitAsync();
        return added;
    }

    /// <returns>false when the user has no contact with this id.</returns>
    public async Task<bool> UpdatePersonalContactAsync(int userId, PersonalContact contact)
    {
        await using var db = Open();
        var row = ToRow(userId, contact);
        return await db.GetTable<PersonalContactRow>().Where(r => r.UserId == userId && r.Id == contact.Id)
            .Set(r => r.FirstName, row.FirstName).Set(r => r.LastName, row.LastName).Set(r => r.Number, row.Number)
            .Set(r => r.Mobile, row.Mobile).Set(r => r.Email, row.Email).Set(r => r.Company, row.Company).UpdateAsync() > 0;
    }

    /// <returns>false when the user has no contact with this id.</returns>
    public async Task<bool> DeletePersonalContactAsync(int userId, long id)
    {
        await using var db = Open();
        return await db.GetTable<PersonalContactRow>().Where(r => r.UserId == userId && r.Id == id).DeleteAsync() > 0;
    }

    private static PersonalContactRow ToRow(int userId, PersonalContact c) => new()
    {
        Id = c.Id, UserId = userId, FirstName = c.FirstName, LastName = c.LastName, Number = c.Number, Mobile = c.Mobile, Email = c.Email, Company = c.Company,
    };

    private static PersonalContact ToModel(PersonalContactRow r) => new()
    {
        Id = r.Id, FirstName = r.FirstName, LastName = r.LastName, Number = r.Number, Mobile = r.Mobile, Email = r.Email, Company = r.Company,
    };
}
