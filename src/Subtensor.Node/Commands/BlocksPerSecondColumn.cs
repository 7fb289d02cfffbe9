using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Subtensor.Node.Commands;

/// <summary>A progress column showing the task's speed in blocks per second.</summary>
internal sealed class BlocksPerSecondColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        var rate = task.State.Get<double>("rate");
        return new Text(string.Create(CultureInfo.InvariantCulture, $"{rate,7:F1} blocks/s"), new Style(Color.Grey));
    }
}
