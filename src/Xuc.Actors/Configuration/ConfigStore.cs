using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Configuration.Storage;

namespace Xuc.Actors.Configuration;

/// <summary>
/// The configuration store (users, lines, agents, queues, groups, profiles, statuses, directory) on SQLite or
/// PostgreSQL through linq2db. Every change is validated against the whole configuration and committed in one
/// transaction, then announced through <see cref="Changed"/>.
/// </summary>
public sealed partial class ConfigStore : IDisposable
{
    private readonly DataOptions _options;
    private readonly bool _sqlite;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public event Action<ConfigChange>? Changed;

    public ConfigStore(ConfigStoreOptions options)
    {
        _sqlite = !options.IsPostgres;
        _options = options.ToDataOptions();
    }

    private DataConnection Open() => new(_options);

    /// <summary>Creates or upgrades the schema; safe to call on every start.</summary>
    public async Task MigrateAsync()
    {
        await using var db = Open();
        if (_sqlite)
        {
            await db.ExecuteAsync("PRAGMA journal_mode=WAL");
            await ApplyMigrations(db);
            return;
        }
        // Nodes of a cluster starting together migrate one after the other (SQLite serves one node).
        await db.ExecuteAsync($"SELECT pg_advisory_lock({MigrationLockKey})");
        try
        {
            await ApplyMigrations(db);
        }
        finally
        {
            await db.ExecuteAsync($"SELECT pg_advisory_unlock({MigrationLockKey})");
        }
    }

    private static async Task ApplyMigrations(DataConnection db)
    {
        await db.CreateTableAsync<SchemaVersionRow>(tableOptions: TableOptions.CheckExistence);
        var applied = (await db.GetTable<SchemaVersionRow>().Select(v => v.Version).ToListAsync()).ToHashSet();
        foreach (var step in Migrations.Steps.Where(s => !applied.Contains(s.Version)))
        {
            await using var tx = await db.BeginTransactionAsync();
            await step.Apply(db);
            await db.InsertAsync(new SchemaVersionRow { Version = step.Version, AppliedAt = DateTime.UtcNow, Description = step.Description });
            await tx.CommitAsync();
        }
    }

    private const long MigrationLockKey = 0x78_75_63_5F_6D_69_67; // "xuc_mig"

    public async Task<int> SchemaVersionAsync()
    {
        await using var db = Open();
        return await db.GetTable<SchemaVersionRow>().MaxAsync(v => (int?)v.Version) ?? 0;
    }

    public async Task<ConfigSnapshot> LoadAsync()
    {
        await using var db = Open();
        return await LoadAsync(db);
    }

    private static async Task<ConfigSnapshot> LoadAsync(DataConnection db) => new()
    {
        Users = (await db.GetTable<UserRow>().OrderBy(r => r.Id).ToListAsync()).Select(RowMapping.ToModel).ToList(),
        Lines = (await db.GetTable<LineRow>().OrderBy(r => r.Id).ToListAsync()).Select(RowMapping.ToModel).ToList(),
        Agents = (await db.GetTable<AgentRow>().OrderBy(r => r.Id).ToListAsync()).Select(RowMapping.ToModel).ToList(),
        Queues = (await db.GetTable<QueueRow>().OrderBy(r => r.Id).ToListAsync()).Select(RowMapping.ToModel).ToList(),
        AgentGroups = (await db.GetTable<AgentGroupRow>().OrderBy(r => r.Id).ToListAsync()).Select(RowMapping.ToModel).ToList(),
        RightProfiles = (await db.GetTable<RightProfileRow>().OrderBy(r => r.Id).ToListAsync()).Select(RowMapping.ToModel).ToList(),
        UserStatuses = (await db.GetTable<UserStatusRow>().OrderBy(r => r.Name).ToListAsync()).Select(RowMapping.ToModel).ToList(),
        SheetFields = (await db.GetTable<SheetFieldRow>().OrderBy(r => r.Name).ToListAsync()).Select(RowMapping.ToModel).ToList(),
        Contacts = (await db.GetTable<ContactRow>().OrderBy(r => r.Id).ToListAsync()).Select(RowMapping.ToModel).ToList(),
    };

    public async Task<User?> FindUserByLoginAsync(string login)
    {
        await using var db = Open();
        var row = await db.GetTable<UserRow>().FirstOrDefaultAsync(u => u.Login == login);
        return row is null ? null : RowMapping.ToModel(row);
    }

    public async Task<bool> HasUsersAsync()
    {
        await using var db = Open();
        return await db.GetTable<UserRow>().AnyAsync();
    }

    /// <summary>Seeds <paramref name="snapshot"/> when the store holds no user; returns whether it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(ConfigSnapshot snapshot)
    {
        await using (var db = Open())
            if (await db.GetTable<UserRow>().AnyAsync()) return false;
        await ImportAsync(snapshot, ImportMode.Replace);
        return true;
    }

    /// <summary>
    /// Validates the resulting configuration as a whole, then writes what differs in one transaction: rows of deleted
    /// and changed objects are deleted by key, rows of added and changed objects bulk-copied; unchanged objects are not
    /// touched. Plain passwords are hashed first (outside the write lock).
    /// </summary>
    public async Task<ImportResult> ImportAsync(ConfigSnapshot snapshot, ImportMode mode)
    {
        var hashed = snapshot with { Users = snapshot.Users.Select(HashPlainPassword).ToList() };
        ImportResult? result = null;
        var change = await WriteAsync(async (db, current) =>
        {
            var storedUsers = current.Users.ToDictionary(u => u.Id);
            var incoming = hashed with { Users = hashed.Users.Select(u => KeepStoredHash(u, storedUsers.GetValueOrDefault(u.Id))).ToList() };
            var next = mode == ImportMode.Replace ? incoming : ConfigKinds.All.Aggregate(current, (merged, kind) => kind.Merge(merged, incoming));
            ConfigValidator.Validate(next);
            var diffs = ConfigKinds.All.Select(kind => KindDiff.Between(kind, current, next)).ToList();
            foreach (var diff in diffs)
            {
                var table = KindTables.Of(diff.Kind);
                await table.DeleteAsync(db, [.. diff.Deleted, .. diff.Updated.Select(diff.Kind.KeyOf)]);
                await table.InsertAsync(db, [.. diff.Added, .. diff.Updated]);
            }
            result = new ImportResult(mode,
                diffs.ToDictionary(d => d.Kind.Name, d => d.Added.Count),
                diffs.ToDictionary(d => d.Kind.Name, d => d.Updated.Count),
                diffs.ToDictionary(d => d.Kind.Name, d => d.Deleted.Count));
            return new Decision(new ConfigChange(ConfigChange.Everything, ConfigChange.Everything, ChangeOp.Reloaded, next, current), next);
        });
        Changed?.Invoke(change!);
        return result!;
    }

    /// <summary>The objects of one kind, read from its table only.</summary>
    public async Task<IReadOnlyList<object>> ListAsync(IConfigKind kind)
    {
        await using var db = Open();
        return await KindTables.Of(kind).ListAsync(db);
    }

    /// <summary>One object, read by its key (the primary key), or null.</summary>
    public async Task<object?> GetAsync(IConfigKind kind, string key)
    {
        await using var db = Open();
        return await KindTables.Of(kind).FindAsync(db, key);
    }

    /// <summary>Creates or replaces one object; refused whole (nothing written) when the result would be invalid.</summary>
    public async Task<ChangeOp> UpsertAsync(IConfigKind kind, object item)
    {
        if (item is User plain) item = HashPlainPassword(plain);
        var change = await WriteAsync(async (db, current) =>
        {
            var key = kind.KeyOf(item);
            var previous = kind.Items(current).FirstOrDefault(i => kind.KeyOf(i) == key);
            var written = item is User u ? KeepStoredHash(u, previous as User) : item;
            var next = kind.Upsert(current, written);
            ConfigValidator.Validate(next);
            await KindTables.Of(kind).WriteAsync(db, written);
            return new Decision(new ConfigChange(kind.Name, key, previous is null ? ChangeOp.Created : ChangeOp.Updated, written, previous), next);
        });
        Changed?.Invoke(change!);
        return change!.Op;
    }

    /// <summary>Deletes one object; false when it does not exist; refused when something still refers to it.</summary>
    public async Task<bool> DeleteAsync(IConfigKind kind, string key)
    {
        var change = await WriteAsync(async (db, current) =>
        {
            var existing = kind.Items(current).FirstOrDefault(i => kind.KeyOf(i) == key);
            if (existing is null) return null;
            var next = kind.Remove(current, key);
            ConfigValidator.Validate(next);
            await KindTables.Of(kind).DeleteAsync(db, [key]);
            return new Decision(new ConfigChange(kind.Name, key, ChangeOp.Deleted, null, existing), next);
        });
        if (change is null) return false;
        Changed?.Invoke(change);
        return true;
    }

    /// <summary>What a write decided: the change to announce and the configuration it leaves.</summary>
    private sealed record Decision(ConfigChange Change, ConfigSnapshot Next);

    /// <summary>The configuration as of a revision, kept by the last write of this store (see <see cref="WriteAsync"/>).</summary>
    private (long Revision, ConfigSnapshot Snapshot)? _lastWritten;

    /// <summary>
    /// One write: read the configuration, decide, write, commit, all inside one transaction whose first statement
    /// bumps the revision row. That statement takes the database's write lock (a row lock on PostgreSQL, the write
    /// lock on SQLite), so writers on other nodes wait for it, and the configuration read after it includes every
    /// earlier commit: two nodes validating at once can never both commit a configuration that breaks the rules.
    /// A null decision, or an exception (a refusal), rolls back.
    /// The configuration is read from the database unless this store made the previous revision itself, in which
    /// case the configuration it left is used: consecutive writes on one node do not re-read the whole store
    /// (`./build.sh bench config-write`), and a write from any other node changes the revision and forces the read.
    /// </summary>
    private async Task<ConfigChange?> WriteAsync(Func<DataConnection, ConfigSnapshot, Task<Decision?>> decide)
    {
        await _writeLock.WaitAsync();
        try
        {
            await using var db = Open();
            await using var tx = await db.BeginTransactionAsync();
            var revision = await db.ExecuteAsync<long>("UPDATE xuc_config_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision");
            _revisionBeingWritten = revision;
            var current = _lastWritten is { } last && last.Revision == revision - 1 ? last.Snapshot : await LoadAsync(db);
            var decision = await decide(db, current);
            if (decision is null) return null;
            await tx.CommitAsync();
            _lastWritten = (revision, decision.Next);
            return decision.Change;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>How many writes the configuration has had (every node sees the same number).</summary>
    public async Task<long> RevisionAsync()
    {
        await using var db = Open();
        return await db.ExecuteAsync<long>("SELECT revision FROM xuc_config_revision WHERE id = 1");
    }

    private static User HashPlainPassword(User u) =>
        string.IsNullOrEmpty(u.Password) ? u : u with { PasswordHash = PasswordHasher.Hash(u.Password), Password = null };

    /// <summary>
    /// An update without a password keeps the stored one; without services, the stored services (off for a new user).
    /// The token version (docs/security.md, "Tokens") becomes this write's revision for a new user and when the
    /// password or the profile changes, which revokes every token issued before; it is kept otherwise. A user deleted
    /// and created again gets a newer version than any token of the old one.
    /// </summary>
    private User KeepStoredHash(User u, User? stored)
    {
        var kept = !string.IsNullOrEmpty(u.PasswordHash) || stored is null ? u : u with { PasswordHash = stored.PasswordHash };
        if (kept.Services is null) kept = kept with { Services = stored?.Services ?? PhoneServices.Off };
        var revoked = stored is null || stored.PasswordHash != kept.PasswordHash || stored.RightProfileId != kept.RightProfileId;
        return kept with { TokenVersion = revoked ? _revisionBeingWritten : stored!.TokenVersion };
    }

    /// <summary>
    /// Revokes every token of a user (<c>POST /auth/logout-all</c>): his token version becomes this write's revision.
    /// False when no user has this id.
    /// </summary>
    public async Task<bool> RevokeTokensAsync(int userId)
    {
        var change = await WriteAsync(async (db, current) =>
        {
            if (current.Users.FirstOrDefault(u => u.Id == userId) is not { } previous) return null;
            var written = previous with { TokenVersion = _revisionBeingWritten };
            await KindTables.Of(ConfigKinds.User).WriteAsync(db, written);
            return new Decision(new ConfigChange(ConfigKinds.User.Name, userId.ToString(System.Globalization.CultureInfo.InvariantCulture), ChangeOp.Updated, written, previous),
                ConfigKinds.User.Upsert(current, written));
        });
        if (change is null) return false;
        Changed?.Invoke(change);
        return true;
    }

    /// <summary>The revision the write in progress will commit (set under the write lock, read by its decision).</summary>
    private long _revisionBeingWritten;

    public void Dispose() => _writeLock.Dispose();
}
