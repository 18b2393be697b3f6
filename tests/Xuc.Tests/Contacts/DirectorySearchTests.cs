using System.Net;
using System.Net.Sockets;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Directory;
using Xuc.Tests.Support;

namespace Xuc.Tests.Contacts;

/// <summary>
/// The directory's search over real sources (docs/directory.md): the configuration's users and contacts and a CSV
/// file in a SQLite store, a silent TCP server as an LDAP server that never answers, and (with XUC_TEST_LDAP) a real
/// OpenLDAP. Accent- and case-insensitive, partial, merged by number, cut at the maximum, a late source left out.
/// </summary>
public sealed class DirectorySearchTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ConfigStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new ConfigStore(new ConfigStoreOptions { ConnectionString = $"Data Source={_dir.File("xuc.db")}" });
        await _store.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    private static ConfigSnapshot Config(params DirectorySource[] sources) => new()
    {
        Lines = [new Line { Id = 1, Number = "1001", Interface = "PJSIP/1001", Context = "default" }],
        Users = [new User { Id = 1, Login = "hdupre", FirstName = "Hélène", LastName = "Dupré", LineId = 1, MobileNumber = "0611223344" }],
        Contacts =
        [
            new DirectoryContact { Id = 1, FirstName = "Helene", LastName = "Martin", Number = "0140001001", Company = "Société Générale" },
            new DirectoryContact { Id = 2, FirstName = "Paul", LastName = "Durand", Number = "1001", Company = "Same number as Hélène's line" },
        ],
        DirectorySources = sources,
    };

    private string Csv(string text)
    {
        var path = _dir.File("people.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private DirectorySearch Search(ConfigSnapshot config, int max = 100) => DirectorySearch.From(config, _store, new DirectorySettings { MaxResults = max });

    private static SearchTerms Terms(string term) => SearchTerms.Parse(term, out _) ?? throw new InvalidOperationException(term);

    private static string Names(DirectoryAnswer a) => string.Join(", ", a.Entries.Select(e => $"{e.Source}:{e.FirstName} {e.LastName}"));

    [Fact]
    public async Task Accented_partial_and_differently_cased_words_find_the_same_people_in_users_contacts_and_a_csv_file()
    {
        var csv = Csv("firstname;lastname;number;company\nHÉLÈNE;Lefèvre;0299887766;Crédit Agricole\nMarc;Petit;0299887700;\n");
        var search = Search(Config(
            new DirectorySource { Name = "users", Type = "users", Position = 0 },
            new DirectorySource { Name = "contacts", Type = "contacts", Position = 1 },
            new DirectorySource { Name = "csv", Type = "csv", Position = 2, Path = csv }));

        const string threeHelenes = "users:Hélène Dupré, csv:HÉLÈNE Lefèvre, contacts:Helene Martin";
        Assert.Equal(threeHelenes, Names(await search.SearchAsync(Terms("helene"), 1)));
        Assert.Equal(threeHelenes, Names(await search.SearchAsync(Terms("HÉLÈNE"), 1)));
        Assert.Equal(threeHelenes, Names(await search.SearchAsync(Terms("élè"), 1)));
        Assert.Equal("users:Hélène Dupré", Names(await search.SearchAsync(Terms("hel dupre"), 1)));
        Assert.Equal("contacts:Helene Martin", Names(await search.SearchAsync(Terms("societe gen"), 1)));
        Assert.Equal("csv:HÉLÈNE Lefèvre", Names(await search.SearchAsync(Terms("credit"), 1)));
        // Numbers by their digits, whatever the separators typed; a part of a mobile too.
        Assert.Equal("csv:HÉLÈNE Lefèvre", Names(await search.SearchAsync(Terms("02.99.88.77.66"), 1)));
        Assert.Equal("users:Hélène Dupré", Names(await search.SearchAsync(Terms("1122"), 1)));
        Assert.Empty((await search.SearchAsync(Terms("nobody"), 1)).Entries);
    }

    [Fact]
    public async Task An_entry_whose_number_an_earlier_source_has_is_dropped_and_the_answer_is_cut_at_the_maximum()
    {
        var config = Config(
            new DirectorySource { Name = "users", Type = "users", Position = 0 },
            new DirectorySource { Name = "contacts", Type = "contacts", Position = 1 });
        // Paul Durand (contact) has 1001, Hélène Dupré's line: searching a word both hold keeps the user only.
        var both = await Search(config).SearchAsync(Terms("1001"), 1);
        Assert.Equal("users:Hélène Dupré, contacts:Helene Martin", Names(both));
        Assert.Equal("1001", both.Entries[0].Number);

        var cut = await Search(config with { DirectorySources = [] }, max: 1).SearchAsync(Terms("e"), 1);
        Assert.Single(cut.Entries);
        Assert.Empty(cut.LeftOut);
    }

    [Fact]
    public async Task A_source_that_does_not_answer_in_time_is_left_out_and_named_and_the_others_still_answer()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () => { while (true) accepted.Add(await silent.AcceptSocketAsync()); });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var search = Search(Config(
            new DirectorySource { Name = "users", Type = "users", Position = 0 },
            new DirectorySource { Name = "slow", Type = "ldap", Position = 1, Url = $"ldap://127.0.0.1:{port}", BaseDn = "dc=nowhere", TimeoutMs = 300 }));

        var answer = await search.SearchAsync(Terms("helene"), 1);

        Assert.Equal("users:Hélène Dupré", Names(answer));
        var left = Assert.Single(answer.LeftOut);
        Assert.Equal("slow", left.Source);
        Assert.Equal("no answer within 300 ms", left.Reason);
        foreach (var s in accepted) s.Dispose();
    }

    [Fact]
    public async Task A_csv_file_is_read_again_when_it_changes_and_a_missing_file_is_named_in_the_answer()
    {
        var path = Csv("firstname,lastname,number\nAnne,Old,0101010101\n");
        var search = Search(Config(new DirectorySource { Name = "csv", Type = "csv", Path = path }));
        Assert.Equal("csv:Anne Old", Names(await search.SearchAsync(Terms("anne"), 1)));

        File.WriteAllText(path, "firstname,lastname,number\nAnne,New,0101010101\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal("csv:Anne New", Names(await search.SearchAsync(Terms("anne"), 1)));

        var missing = await Search(Config(new DirectorySource { Name = "gone", Type = "csv", Path = _dir.File("none.csv") })).SearchAsync(Terms("anne"), 1);
        Assert.Empty(missing.Entries);
        Assert.Equal($"{_dir.File("none.csv")} does not exist", Assert.Single(missing.LeftOut).Reason);
    }

    [Fact]
    public async Task Personal_contacts_are_searched_for_their_owner_only()
    {
        await _store.AddPersonalContactsAsync(7, [new PersonalContact { FirstName = "Zoé", LastName = "Mine", Number = "0600000007" }]);
        var search = Search(Config());
        Assert.Equal("personal:Zoé Mine", Names(await search.SearchAsync(Terms("zoe"), 7)));
        Assert.True((await search.SearchAsync(Terms("zoe"), 7)).Entries[0].Personal);
        Assert.Empty((await search.SearchAsync(Terms("zoe"), 8)).Entries);
    }

    [Fact]
    public async Task A_number_is_named_by_the_first_source_that_knows_it()
    {
        var search = Search(Config());
        Assert.Equal("Hélène Dupré", (await search.FindByNumberAsync("1001"))?.DisplayName);
        Assert.Equal("Helene Martin", (await search.FindByNumberAsync("01 40 00 10 01"))?.DisplayName);
        Assert.Null(await search.FindByNumberAsync("0999999999"));
    }

    [LdapFact]
    public async Task An_ldap_server_is_searched_with_the_other_sources_accents_and_parts_of_names_included()
    {
        var ou = LdapServer.AddPeople(
            new LdapServer.Person("hlegrand", "Hélène", "Legrand", "01 40 00 20 01", "0611002001", "Société Générale"),
            new LdapServer.Person("jdurand", "Jean", "Durandal", "0140002002"));
        var search = Search(Config(
            new DirectorySource { Name = "users", Type = "users", Position = 0 },
            new DirectorySource { Name = "contacts", Type = "contacts", Position = 1 },
            new DirectorySource
            {
                Name = "ldap", Type = "ldap", Position = 2, Url = LdapServer.Url, BaseDn = ou, BindDn = LdapServer.Admin, BindPassword = LdapServer.Password,
                Filter = "(objectClass=inetOrgPerson)", Mapping = new Dictionary<string, string> { ["id"] = "uid" },
            }));

        const string helenes = "users:Hélène Dupré, ldap:Hélène Legrand, contacts:Helene Martin";
        Assert.Equal(helenes, Names(await search.SearchAsync(Terms("helene"), 1)));
        Assert.Equal(helenes, Names(await search.SearchAsync(Terms("Hélène"), 1)));
        Assert.Equal("ldap:Hélène Legrand", Names(await search.SearchAsync(Terms("légr"), 1)));
        Assert.Equal("contacts:Paul Durand, ldap:Jean Durandal", Names(await search.SearchAsync(Terms("DURAND"), 1)));
        Assert.Equal("ldap:Hélène Legrand", Names(await search.SearchAsync(Terms("40.00.20.01"), 1)));
        Assert.Equal("hlegrand", (await search.SearchAsync(Terms("legrand"), 1)).Entries[0].Id);
        Assert.Equal("Jean Durandal", (await search.FindAsync("ldap", "jdurand", 1)).Entry?.DisplayName);
        Assert.Equal("Hélène Legrand", (await search.FindByNumberAsync("0611002001"))?.DisplayName);
    }
}

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Hélène", "helene")]
    [InlineData("ŒUVRE Ærø", "oeuvre aero")]
    [InlineData("Łódź Straße", "lodz strasse")]
    [InlineData("Ça coûte", "ca coute")]
    [InlineData("Ε\u0301λληνας", "ελληνας")]
    [InlineData("plain", "plain")]
    public void A_name_is_folded_to_lower_case_without_accents(string text, string folded) => Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void A_number_keeps_its_digits_and_a_leading_plus_and_a_number_typed_in_groups_is_one_word()
    {
        Assert.Equal("+33140001001", SearchText.Digits("+33 (1) 40.00-10 01"));
        Assert.Equal(["0140002001"], SearchTerms.Parse("01 40 00 20 01", out _)!.Words);
        Assert.Equal(["jean", "0140"], SearchTerms.Parse("  Jean   01.40 ", out _)!.Words);
        Assert.Null(SearchTerms.Parse("   ", out var problem));
        Assert.Equal("term is empty", problem);
    }
}
