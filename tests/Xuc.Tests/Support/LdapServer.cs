using System.DirectoryServices.Protocols;
using System.Net;

namespace Xuc.Tests.Support;

/// <summary>
/// The test OpenLDAP server (XUC_TEST_LDAP*, tests/ldap/start-slapd.sh) and a way to give each test its own
/// organisational unit of people, written with real LDAP add requests.
/// </summary>
public static class LdapServer
{
    public static string? Url => Environment.GetEnvironmentVariable("XUC_TEST_LDAP");
    public static string Base => Environment.GetEnvironmentVariable("XUC_TEST_LDAP_BASE") ?? "dc=xuc,dc=test";
    public static string Admin => Environment.GetEnvironmentVariable("XUC_TEST_LDAP_ADMIN") ?? "cn=admin,dc=xuc,dc=test";
    public static string Password => Environment.GetEnvironmentVariable("XUC_TEST_LDAP_PASSWORD") ?? "";

    public sealed record Person(string Uid, string GivenName, string Sn, string? Phone = null, string? Mobile = null, string? Company = null);

    /// <summary>A new <c>ou=test-…</c> under the base holding these people; returns its DN.</summary>
    public static string AddPeople(params Person[] people)
    {
        var uri = new Uri(Url ?? throw new InvalidOperationException("XUC_TEST_LDAP is unset"));
        using var ldap = new LdapConnection(new LdapDirectoryIdentifier(uri.Host, uri.Port)) { AuthType = AuthType.Basic };
        ldap.SessionOptions.ProtocolVersion = 3;
        ldap.Bind(new NetworkCredential(Admin, Password));
        var ou = $"ou=test-{Guid.NewGuid():N},{Base}";
        ldap.SendRequest(new AddRequest(ou, new DirectoryAttribute("objectClass", "organizationalUnit")));
        foreach (var p in people)
        {
            var attributes = new List<DirectoryAttribute>
            {
                new("objectClass", "inetOrgPerson"), new("uid", p.Uid), new("cn", $"{p.GivenName} {p.Sn}"), new("givenName", p.GivenName), new("sn", p.Sn),
            };
            if (p.Phone is not null) attributes.Add(new("telephoneNumber", p.Phone));
            if (p.Mobile is not null) attributes.Add(new("mobile", p.Mobile));
            if (p.Company is not null) attributes.Add(new("o", p.Company));
            ldap.SendRequest(new AddRequest($"uid={p.Uid},{ou}", attributes.ToArray()));
        }
        return ou;
    }
}
