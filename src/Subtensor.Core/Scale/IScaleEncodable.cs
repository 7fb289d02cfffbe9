namespace Subtensor.Core.Scale;

/// <summary>A value with a SCALE encoding.</summary>
public interface IScaleEncodable
{
    void EncodeTo(ScaleWriter writer);
}
