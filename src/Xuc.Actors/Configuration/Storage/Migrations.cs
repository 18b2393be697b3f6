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
        new(4, "users' phone services (dnd, forwards) and mailbox", UserServiceColumns.AddAsync),
    ];
}
