namespace Xuc.Actors.Configuration;

/// <summary>Where the configuration lives: <c>sqlite</c> (a file) or <c>postgres</c>, and its ADO.NET connection string.</summary>
public sealed record ConfigStoreOptions
{
    public string Provider { get; init; } = "sqlite";
    public string ConnectionString { get; init; } = "Data Source=data/xuc.db";
    public bool IsPostgres => Provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
}

public enum ImportMode { ReplaceAll, Merge }

public enum ChangeOp { Created, Updated, Deleted, Reloaded }

/// <summary>A committed change; <see cref="Id"/> is <c>*</c> when a whole import replaced the kind.</summary>
public sealed record ConfigChange(string Kind, string Id, ChangeOp Op, object? Value);
