using System.Runtime.CompilerServices;

namespace Xuc.Tests.Support;

/// <summary>
/// The cluster acceptance test: three node processes, HAProxy and PostgreSQL. It runs when <c>./build.sh cluster-test</c>
/// (or <c>./build.sh test</c>, which runs it) sets XUC_CLUSTER_TEST=1; it is then required to find haproxy and
/// PostgreSQL (a missing one fails it). Otherwise it is skipped with "Cluster NOT TESTED" in its name.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public const string NotTested = "Cluster NOT TESTED";

    public ClusterFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        if (Environment.GetEnvironmentVariable("XUC_CLUSTER_TEST") == "1") return;
        Skip = $"{NotTested}: run ./build.sh cluster-test (haproxy and PostgreSQL, three node processes)";
        DisplayName = $"{NotTested} (XUC_CLUSTER_TEST is unset): {Path.GetFileNameWithoutExtension(file)}.{test}";
    }
}
