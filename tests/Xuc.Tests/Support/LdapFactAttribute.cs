using System.Runtime.CompilerServices;

namespace Xuc.Tests.Support;

/// <summary>
/// A test that needs the OpenLDAP server named by XUC_TEST_LDAP (tests/ldap/start-slapd.sh; <c>./build.sh test</c> starts
/// one). Skipped when none is configured, unless XUC_REQUIRE_LDAP=1 (build.sh sets it once it started one): then a
/// missing server fails the test. A skipped test says so in its name, as <see cref="PostgresFactAttribute"/> does.
/// </summary>
public sealed class LdapFactAttribute : FactAttribute
{
    public const string NotTested = "LDAP NOT TESTED (XUC_TEST_LDAP is unset)";

    public LdapFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        if (LdapServer.Url is not null || Environment.GetEnvironmentVariable("XUC_REQUIRE_LDAP") == "1") return;
        Skip = $"{NotTested}: run eval \"$(tests/ldap/start-slapd.sh)\" first, or ./build.sh test, which starts one";
        DisplayName = $"{NotTested}: {Path.GetFileNameWithoutExtension(file)}.{test}";
    }
}
