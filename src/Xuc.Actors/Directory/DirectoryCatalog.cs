using Xuc.Actors.Configuration;

namespace Xuc.Actors.Directory;

/// <summary>
/// This node's directory: the <see cref="DirectorySearch"/> built from the configuration as last read, swapped whole
/// when the configuration changes (<see cref="DirectoryFollower"/>), and its caller-name cache.
/// </summary>
public sealed class DirectoryCatalog
{
    private volatile DirectorySearch _current;

    public DirectoryCatalog(ConfigSnapshot config, ConfigStore store, DirectorySettings settings, TimeProvider? clock = null)
    {
        Store = store;
        Settings = settings;
        _current = DirectorySearch.From(config, store, settings);
        CallerNames = new CallerNames(() => _current, settings.ReverseLookupTtl, clock);
    }

    public ConfigStore Store { get; }
    public DirectorySettings Settings { get; }
    public CallerNames CallerNames { get; }
    public DirectorySearch Current => _current;

    public void Load(ConfigSnapshot config)
    {
        _current = DirectorySearch.From(config, Store, Settings);
        CallerNames.Clear();
    }
}
