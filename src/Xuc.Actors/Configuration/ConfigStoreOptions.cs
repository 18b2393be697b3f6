using LinqToDB;

namespace Xuc.Actors.Configuration;

/// <summary>Where the configuration lives: <c>sqlite</c> (a file) or <c>postgres</c>, and its ADO.NET connection string.</summary>
public sealed record ConfigStoreOptions
{
    public string Provider { get; init; } = "sqlite";
    public string ConnectionString { get; init; } = "Data Source=data/xuc.db";
    public bool IsPostgres => Provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>linq2db's options for this database (the configuration store and the call history share it).</summary>
    public DataOptions ToDataOptions() => IsPostgres
        ? new DataOptions().UsePostgreSQL(ConnectionString)
        : new DataOptions().UseSQLite(ConnectionString, LinqToDB.DataProvider.SQLite.SQLiteProvider.Microsoft);
}

/// <summary>
/// How an import meets the stored configuration. <see cref="Replace"/>: the file becomes the whole configuration,
/// objects it lacks are deleted. <see cref="Merge"/>: objects of the file replace those with the same key, others stay.
/// Neither is a default: the admin API and the import command ask for one.
/// </summary>
public enum ImportMode { Replace, Merge }

public enum ChangeOp { Created, Updated, Deleted, Reloaded }

/// <summary>
/// A committed change: <see cref="Value"/> is the object as it now is (null when deleted), <see cref="Previous"/>
/// as it was (null when created). A whole import is one change of kind and id <c>*</c>, op
/// <see cref="ChangeOp.Reloaded"/>, whose Value and Previous are the new and the old <see cref="ConfigSnapshot"/>.
/// <see cref="Origin"/> names who made a change that is not an administrator's (<see cref="CtiOrigin"/>: a user's own
/// phone-service command, already written to the PBX).
/// </summary>
public sealed record ConfigChange(string Kind, string Id, ChangeOp Op, object? Value, object? Previous = null, string? Origin = null)
{
    public const string Everything = "*";
    public const string CtiOrigin = "cti";
}
