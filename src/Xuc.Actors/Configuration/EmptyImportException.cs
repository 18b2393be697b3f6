namespace Xuc.Actors.Configuration;

/// <summary>An import holding no object at all (no bytes, <c>null</c>, <c>{}</c>, only empty lists): refused, nothing changed.</summary>
public sealed class EmptyImportException()
    : Exception("the import holds no configuration object (an empty body, null, {} or only empty lists); nothing was changed");
