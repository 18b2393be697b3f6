using LinqToDB;
using LinqToDB.Data;

namespace Xuc.Actors.Configuration.Storage;

/// <summary>Numbered schema steps, applied once each, in order, recorded in xuc_schema_version.</summary>
internal static class Migrations
{
    public sealed record Step(int Version, string Description, Func<DataConnection, Task> Apply);

    public static readonly IReadOnlyList<Step> Steps =
    [
        new(1, "configuration tables", async db =>
        {
            await db.CreateTableAsync<UserRow>(tableOptions: TableOptions.CheckExistence);
            await db.CreateTableAsync<LineRow>(tableOptions: TableOptions.CheckExistence);
            await db.CreateTableAsync<AgentRow>(tableOptions: TableOptions.CheckExistence);
            await db.CreateTableAsync<QueueRow>(tableOptions: TableOptions.CheckExistence);
            await db.CreateTableAsync<AgentGroupRow>(tableOptions: TableOptions.CheckExistence);
            await db.CreateTableAsync<RightProfileRow>(tableOptions: TableOptions.CheckExistence);
            await db.CreateTableAsync<UserStatusRow>(tableOptions: TableOptions.CheckExistence);
            await db.CreateTableAsync<ContactRow>(tableOptions: TableOptions.CheckExistence);
        }),
        new(2, "unique logins and numbers", async db =>
        {
            await db.ExecuteAsync("CREATE UNIQUE INDEX IF NOT EXISTS ux_xuc_users_login ON xuc_users (login)");
            await db.ExecuteAsync("CREATE UNIQUE INDEX IF NOT EXISTS ux_xuc_lines_number ON xuc_lines (number)");
            await db.ExecuteAsync("CREATE UNIQUE INDEX IF NOT EXISTS ux_xuc_agents_number ON xuc_agents (number)");
            await db.ExecuteAsync("CREATE UNIQUE INDEX IF NOT EXISTS ux_xuc_queues_name ON xuc_queues (name)");
        }),
        new(3, "configuration revision (the row every write locks first)", async db =>
        {
            await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS xuc_config_revision (id INTEGER NOT NULL PRIMARY KEY, revision BIGINT NOT NULL)");
            await db.ExecuteAsync("INSERT INTO xuc_config_revision (id, revision) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM xuc_config_revision WHERE id = 1)");
        }),
        new(4, "queue member interface (the agent's line device, or a Local channel template)", async db =>
        {
            // A store created at step 1 by this version already has the column (step 1 maps today's row).
            if (db.DataProvider.Name.Contains("PostgreSQL", StringComparison.OrdinalIgnoreCase))
                await db.ExecuteAsync("ALTER TABLE xuc_queues ADD COLUMN IF NOT EXISTS member_interface VARCHAR(200) NOT NULL DEFAULT ''");
            else if (await db.ExecuteAsync<long>("SELECT COUNT(*) FROM pragma_table_info('xuc_queues') WHERE name = 'member_interface'") == 0)
                await db.ExecuteAsync("ALTER TABLE xuc_queues ADD COLUMN member_interface VARCHAR(200) NOT NULL DEFAULT ''");
        }),
        new(5, "call sheet fields", db => db.CreateTableAsync<SheetFieldRow>(tableOptions: TableOptions.CheckExistence)),
        new(6, "call history (docs/cti-websocket.md, Call history)", History.CallHistoryStore.CreateSchemaAsync),
        new(7, "users' phone services (dnd, forwards) and mailbox", UserServiceColumns.AddAsync),
        new(8, "users' default queue membership", db => db.CreateTableAsync<DefaultMembershipRow>(tableOptions: TableOptions.CheckExistence)),
        new(9, "users' token version (revocable tokens, docs/security.md)", UserServiceColumns.AddTokenVersionAsync),
    ];
}
