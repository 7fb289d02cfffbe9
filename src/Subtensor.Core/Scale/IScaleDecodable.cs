namespace Subtensor.Core.Scale;

/// <summary>A value that can be decoded from SCALE.</summary>
public interface IScaleDecodable<out TSelf>
    where TSelf : IScaleDecodable<TSelf>
{
    static abstract TSelf DecodeFrom(ref ScaleReader reader);
}
