namespace Xuc.Host.Health;

/// <summary>What /health/ready reports besides the AMI link: the configuration is loaded.</summary>
public sealed class Readiness
{
    public volatile bool ConfigLoaded;
}
