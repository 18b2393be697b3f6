using Xuc.Ami.Client;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;

namespace Xuc.Actors.Ami;

/// <summary>Runs one <see cref="PbxRequest"/> on the AMI client and turns each outcome into its <see cref="PbxResult"/>.</summary>
public static class PbxExchange
{
    /// <param name="metrics">Where the action's time to its answer is observed (by action and outcome); none in tests without metrics.</param>
    public static async Task<PbxResult> RunAsync(AmiClient? client, PbxRequest request, Metrics.XucMetrics? metrics = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await RunAsync(client, request, request.Action.Name);
        if (result is not PbxLinkDown)
            metrics?.AmiActionDuration.WithLabels(result.Action, result.GetType().Name[3..].ToLowerInvariant())
                .Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }

    private static async Task<PbxResult> RunAsync(AmiClient? client, PbxRequest request, string name)
    {
        if (client is null || !client.IsConnected) return new PbxLinkDown(name, "not connected to the PBX");
        try
        {
            var action = request.Action.ToAmi(request.Timeout);
            var list = request.List ? await client.SendListAsync(action) : null;
            var response = list?.Response ?? await client.SendAsync(action);
            if (!response.IsSuccess) return new PbxRefused(name, response.Text ?? "");
            var items = list?.Events.Select(AmiEventConversion.ToData).ToArray() ?? [];
            return new PbxAnswered(name, new AmiEventData(response.Response, response.Message.Headers.ToArray()), items);
        }
        catch (AmiActionTimeoutException)
        {
            return new PbxTimedOut(name, request.Timeout);
        }
        catch (AmiNotConnectedException e)
        {
            return new PbxLinkDown(name, e.Message);
        }
    }
}
