using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Xuc.Actors.Persistence;

/// <summary>
/// Writes <see cref="IPersisted"/> values as plain JSON (no CLR type names inside) under their <see cref="JournalContract"/>
/// name as the manifest, and reads current and retired names back. Rows written before this serializer (Akka's default
/// JSON serializer, CLR names inside) keep their serializer id and are still read by it.
/// </summary>
public sealed class JournalSerializer : SerializerWithStringManifest
{
    /// <summary>The id stored beside each row; never to change.</summary>
    public const int Id = 8701;

    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        DateParseHandling = DateParseHandling.None,
        ObjectCreationHandling = ObjectCreationHandling.Replace,
        NullValueHandling = NullValueHandling.Include,
        ContractResolver = new StoredPropertiesOnly(),
    };

    private static readonly JsonSerializer Json = JsonSerializer.Create(Settings);

    public JournalSerializer(ExtendedActorSystem system) : base(system) { }

    public override int Identifier => Id;

    public override string Manifest(object o) => JournalContract.Name(o.GetType());

    public override byte[] ToBinary(object obj) => Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(obj, Settings));

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (JournalContract.Current.TryGetValue(manifest, out var type))
            return JsonConvert.DeserializeObject(text, type, Settings) ?? throw Unreadable(manifest, "null");
        if (JournalContract.Retired.TryGetValue(manifest, out var retired))
            return Read(retired.Upcast(JObject.Parse(text)), retired.Becomes, manifest);
        throw new SerializationException(
            $"journal: no type is named '{manifest}' (a row written by a newer Xuc, or a name removed from JournalContract without a retired entry)");
    }

    private static object Read(JObject json, string name, string manifest)
        => JournalContract.Current.TryGetValue(name, out var type)
            ? json.ToObject(type, Json) ?? throw Unreadable(manifest, "null")
            : throw Unreadable(manifest, $"its retired entry becomes '{name}', which is not a current name");

    private static SerializationException Unreadable(string manifest, string why) => new($"journal: a '{manifest}' row cannot be read: {why}");

    /// <summary>Properties a value is rebuilt from (constructor parameters and settable ones), not the computed ones.</summary>
    private sealed class StoredPropertiesOnly : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (!property.Writable && member is System.Reflection.PropertyInfo p && p.SetMethod is null
                && !p.DeclaringType!.GetConstructors().Any(c => c.GetParameters().Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
                property.ShouldSerialize = _ => false;
            return property;
        }
    }
}
