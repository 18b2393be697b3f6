using Newtonsoft.Json.Linq;
using Xuc.Actors.Sessions;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.History;
using Xunit;

namespace Xuc.Tests.Actors.Commands;

public class CommandPipelineTests
{
    private static CommandArguments Args(string json) => new("cmd", JObject.Parse(json));

    private static string Refusal(Action read) => Assert.Throws<CommandArgumentException>(read).Message;

    [Fact]
    public void Integers_are_JSON_integers_within_the_range_asked_never_clamped()
    {
        Assert.Equal(5, Args("""{"n":5}""").Whole("n", 1, 10));
        Assert.Null(Args("""{"n":null}""").OptionalWhole("n"));
        Assert.Equal("cmd: 'n' is missing", Refusal(() => Args("{}").Whole("n")));
        Assert.Equal("cmd: 'n' must be integer, not string", Refusal(() => Args("""{"n":"5"}""").Whole("n")));
        Assert.Equal("cmd: 'n' must be integer, not float", Refusal(() => Args("""{"n":5.5}""").Whole("n")));
        Assert.Equal("cmd: 'n' must be from 1 to 10, not 11", Refusal(() => Args("""{"n":11}""").Whole("n", 1, 10)));
        Assert.StartsWith("cmd: 'n' must be from", Refusal(() => Args("""{"n":99999999999999999999999}""").Whole("n")));
    }

    [Fact]
    public void Ids_are_positive_integers_or_strings_of_digits()
    {
        Assert.Equal(42, Args("""{"id":42}""").Id("id"));
        Assert.Equal(42, Args("""{"id":"42"}""").Id("id"));
        Assert.Equal("cmd: 'id' must be a positive whole number, not \"\"", Refusal(() => Args("""{"id":""}""").Id("id")));
        Assert.Equal("cmd: 'id' must be a positive whole number, not 0", Refusal(() => Args("""{"id":0}""").Id("id")));
        Assert.Equal("cmd: 'id' must be a positive whole number, not \"-3\"", Refusal(() => Args("""{"id":"-3"}""").Id("id")));
        Assert.Equal("cmd: 'id' must be integer or string, not boolean", Refusal(() => Args("""{"id":true}""").Id("id")));
    }

    [Fact]
    public void Strings_have_one_length_rule_and_nested_objects_name_their_path()
    {
        Assert.Equal("abc", Args("""{"s":"abc"}""").String("s"));
        Assert.Equal("cmd: 's' is longer than 2 characters (3)", Refusal(() => Args("""{"s":"abc"}""").String("s", 2)));
        var longest = new string('x', CommandArguments.MaxLength + 1);
        Assert.Contains("is longer than 1024", Refusal(() => new CommandArguments("cmd", new JObject { ["s"] = longest }).String("s")));
        Assert.Equal("cmd: 'request.size' must be integer, not string", Refusal(() => Args("""{"request":{"size":"x"}}""").Object("request").Whole("size")));
        Assert.Equal("cmd: 'l' must hold strings only, not integer", Refusal(() => Args("""{"l":["a",1]}""").Strings("l")));
        Assert.Equal(["a", "b"], Args("""{"l":["a","b"]}""").Strings("l"));
        Assert.Equal("v", Args("""{"m":{"k":"v"}}""").OptionalStringMap("m")!["k"]);
        Assert.Equal("cmd: 'b' must be boolean, not integer", Refusal(() => Args("""{"b":1}""").Bool("b")));
    }

    [Fact]
    public void The_codec_decodes_a_registered_command_into_its_record_or_the_reason_it_does_not_fit()
    {
        var good = ClientCommand.Of("getQueueCallHistory", JObject.Parse("""{"claz":"web","command":"getQueueCallHistory","queue":"sa","size":3}"""));
        Assert.Equal(new GetQueueCallHistory("sa", 3), good.Decoded!.Command);
        Assert.Null(good.Decoded.Error);
        var bad = ClientCommand.Of("getQueueCallHistory", JObject.Parse("""{"claz":"web","command":"getQueueCallHistory","queue":1,"size":3}"""));
        Assert.Null(bad.Decoded!.Command);
        Assert.Equal("getQueueCallHistory: 'queue' must be string, not integer", bad.Decoded.Error);
        Assert.Null(ClientCommand.Of("dial", JObject.Parse("""{"claz":"web","command":"dial","destination":"1002"}""")).Decoded);
    }

    [Fact]
    public void Every_registered_command_is_found_by_its_name_and_none_is_also_a_catalog_spec()
    {
        var names = CtiCommandRegistry.All.Select(d => d.Name).ToList();
        Assert.Contains(HistoryFeature.User, names);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Null(CommandCatalog.Find(n)));
        Assert.All(names, n => Assert.Same(CtiCommandRegistry.Find(n), CtiCommandRegistry.All.Single(d => d.Name == n)));
    }
}
