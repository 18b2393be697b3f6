namespace Xuc.Tests.Support;

/// <summary>
/// A test that needs the PostgreSQL server named by XUC_TEST_PG. Skipped when none is configured, unless
/// XUC_REQUIRE_PG=1 (build.sh test sets it once it started one): then a missing server fails the test.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PgDatabase.ServerConnectionString is null && Environment.GetEnvironmentVariable("XUC_REQUIRE_PG") != "1")
            Skip = "no PostgreSQL: set XUC_TEST_PG to a connection string (./build.sh test does)";
    }
}
