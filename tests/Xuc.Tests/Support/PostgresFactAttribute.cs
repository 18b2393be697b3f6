using System.Runtime.CompilerServices;

namespace Xuc.Tests.Support;

/// <summary>
/// A test that needs the PostgreSQL server named by XUC_TEST_PG. Skipped when none is configured, unless
/// XUC_REQUIRE_PG=1 (build.sh test sets it once it started one): then a missing server fails the test.
/// A skipped test says so in its name, which plain <c>dotnet test</c> prints on its "Skipped" line (the skip reason
/// alone shows only at normal verbosity): <c>Skipped PostgreSQL NOT TESTED (XUC_TEST_PG is unset): Class.Test</c>.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string NotTested = "PostgreSQL NOT TESTED (XUC_TEST_PG is unset)";

    public PostgresFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        if (PgDatabase.ServerConnectionString is not null || Environment.GetEnvironmentVariable("XUC_REQUIRE_PG") == "1") return;
        Skip = $"{NotTested}: set XUC_TEST_PG to a PostgreSQL connection string, or run ./build.sh test, which starts one";
        DisplayName = $"{NotTested}: {Path.GetFileNameWithoutExtension(file)}.{test}";
    }
}
