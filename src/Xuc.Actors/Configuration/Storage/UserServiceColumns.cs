using LinqToDB;
using LinqToDB.Data;

namespace Xuc.Actors.Configuration.Storage;

/// <summary>
/// Migration 4: the phone-service and mailbox columns of <c>xuc_users</c>. A database created before it gets them by
/// ALTER TABLE; a new one already has them (migration 1 creates the table from today's <see cref="UserRow"/>).
/// </summary>
internal static class UserServiceColumns
{
    private static readonly (string Name, string Type)[] Columns =
    [
        ("dnd_enabled", "BOOLEAN NOT NULL DEFAULT FALSE"),
        ("na_fwd_enabled", "BOOLEAN NOT NULL DEFAULT FALSE"),
        ("na_fwd_destination", "VARCHAR(40) NOT NULL DEFAULT ''"),
        ("unc_fwd_enabled", "BOOLEAN NOT NULL DEFAULT FALSE"),
        ("unc_fwd_destination", "VARCHAR(40) NOT NULL DEFAULT ''"),
        ("busy_fwd_enabled", "BOOLEAN NOT NULL DEFAULT FALSE"),
        ("busy_fwd_destination", "VARCHAR(40) NOT NULL DEFAULT ''"),
        ("voice_mail_box", "VARCHAR(200) NULL"),
    ];

    public static Task AddAsync(DataConnection db) => AddAsync(db, Columns);

    /// <summary>Migration 9: the users' token version (docs/security.md, "Tokens").</summary>
    public static Task AddTokenVersionAsync(DataConnection db) => AddAsync(db, [("token_version", "BIGINT NOT NULL DEFAULT 0")]);

    private static async Task AddAsync(DataConnection db, (string Name, string Type)[] columns)
    {
        var sqlite = db.DataProvider.Name.Contains("SQLite", StringComparison.OrdinalIgnoreCase);
        foreach (var (name, type) in columns)
        {
            var exists = sqlite
                ? await db.ExecuteAsync<long>($"SELECT COUNT(*) FROM pragma_table_info('xuc_users') WHERE name = '{name}'")
                : await db.ExecuteAsync<long>($"SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'xuc_users' AND column_name = '{name}'");
            if (exists == 0) await db.ExecuteAsync($"ALTER TABLE xuc_users ADD COLUMN {name} {type}");
        }
    }
}
