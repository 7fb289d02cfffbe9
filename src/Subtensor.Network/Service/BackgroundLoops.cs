namespace Subtensor.Network.Service;

/// <summary>Shutdown of a service's background loops after their cancellation token fired.</summary>
public static class BackgroundLoops
{
    /// <summary>Awaits each loop that was started; a loop ending by cancellation is the expected way out.</summary>
    public static async Task AwaitStoppedAsync(params Task?[] loops)
    {
        ArgumentNullException.ThrowIfNull(loops);
        foreach (var loop in loops)
        {
            if (loop is null)
            {
                continue;
            }

            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
