using Xuc.Actors.Configuration;

namespace Xuc.Tests.Configuration;

public sealed class ConfigFileTests
{
    [Fact]
    public void The_demo_dataset_is_valid_and_survives_a_write_and_parse()
    {
        var demo = DemoDataset.Create();
        Assert.Empty(ConfigValidator.Errors(demo));
        var again = ConfigFile.Parse(ConfigFile.Write(demo));
        Assert.Equal(demo.Queues, again.Queues);
        Assert.Equal(demo.Users.Count, again.Users.Count);
        Assert.Equal("jbond", again.Users[0].Password);
    }

    [Theory]
    [InlineData("{not json", "malformed")]
    [InlineData("{\"queues\":[{\"id\":\"abc\"}]}", "queues[0].id")]
    [InlineData("{\"queues\":[{\"id\":1,\"colour\":\"x\"}]}", "colour")]
    [InlineData("{\"rightProfiles\":[{\"id\":1,\"kind\":\"Boss\"}]}", "rightProfiles[0].kind")]
    public void A_malformed_file_is_refused_with_its_path(string json, string expected)
    {
        var e = Assert.Throws<ConfigValidationException>(() => ConfigFile.Parse(json));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("{\"queues\":[{\"id\":1,\"name\":\"vip\",\"number\":3020}]}", "queues[0].number: a string is expected, not the number 3020")]
    [InlineData("{\"queues\":[{\"id\":22.5,\"name\":\"vip\",\"number\":\"3020\"}]}", "queues[0].id: an integer is expected, not the number 22.5")]
    [InlineData("{\"queues\":[{\"id\":\"22\",\"name\":\"vip\",\"number\":\"3020\"}]}", "queues[0].id: an integer is expected, not the string \"22\"")]
    [InlineData("{\"queues\":[{\"id\":4294967296,\"name\":\"vip\",\"number\":\"3020\"}]}", "queues[0].id: an integer between")]
    [InlineData("{\"rightProfiles\":[{\"id\":1,\"name\":\"x\",\"kind\":0}]}", "rightProfiles[0].kind")]
    [InlineData("{\"userStatuses\":[{\"name\":\"away\",\"color\":\"#FF0000\",\"actions\":[1]}]}", "userStatuses[0].actions[0]: a string is expected, not the number 1")]
    public void A_value_of_the_wrong_json_type_is_refused_not_coerced(string json, string expected)
    {
        var e = Assert.Throws<ConfigValidationException>(() => ConfigFile.Parse(json));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{ \"users\": [], \"contacts\": [] }")]
    public void An_import_holding_no_object_is_refused_as_empty(string json)
        => Assert.Throws<EmptyImportException>(() => ConfigFile.Parse(json));

    [Fact]
    public void A_configuration_without_an_administrator_is_refused()
    {
        var demo = DemoDataset.Create();
        Assert.Contains(ConfigValidator.NoAdministrator, ConfigValidator.Errors(ConfigSnapshot.Empty));
        Assert.Contains(ConfigValidator.NoAdministrator, ConfigValidator.Errors(demo with { Users = [.. demo.Users.Where(u => u.Login != "admin")] }));
        var demoted = demo with { RightProfiles = [.. demo.RightProfiles.Select(p => p.Kind == Xuc.Actors.Configuration.Model.ProfileKind.Admin ? p with { Kind = Xuc.Actors.Configuration.Model.ProfileKind.NoRight } : p)] };
        Assert.Contains(ConfigValidator.NoAdministrator, ConfigValidator.Errors(demoted));
        Assert.DoesNotContain(ConfigValidator.NoAdministrator, ConfigValidator.Errors(demo));
    }

    [Fact]
    public void Validation_names_the_object_and_field()
    {
        var demo = DemoDataset.Create();
        var bad = demo with
        {
            Users = [.. demo.Users, new() { Id = 40, Login = "jbond", Password = "x", LineId = 77 }],
            Lines = [.. demo.Lines, new() { Id = 41, Number = "1041", Interface = "not a device" }],
            RightProfiles = [.. demo.RightProfiles, new() { Id = 9, Name = "sup", Kind = Xuc.Actors.Configuration.Model.ProfileKind.Supervisor, QueueIds = [8] }],
        };
        var errors = ConfigValidator.Errors(bad);
        Assert.Contains("user 40: login 'jbond' is used more than once", errors);
        Assert.Contains("user 40: lineId 77 does not exist", errors);
        Assert.Contains("line 41: interface 'not a device' is not a device such as PJSIP/1001", errors);
        Assert.Contains("rightprofile 9: queueIds 8 does not exist", errors);
    }

    [Fact]
    public void Passwords_hash_with_salt_and_verify_only_the_right_one()
    {
        var a = PasswordHasher.Hash("secret", 1000);
        var b = PasswordHasher.Hash("secret", 1000);
        Assert.NotEqual(a, b);
        Assert.StartsWith("pbkdf2-sha256$1000$", a);
        Assert.True(PasswordHasher.Verify("secret", a));
        Assert.False(PasswordHasher.Verify("Secret", a));
        Assert.False(PasswordHasher.Verify("secret", "garbage"));
        Assert.False(PasswordHasher.Verify("secret", "pbkdf2-sha256$1000$!!$!!"));
    }
}
