namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary><c>pallet_subtensor::pallet::ChainIdentityV2</c> (a coldkey's identity).</summary>
public sealed record ChainIdentity(byte[] Name, byte[] Url, byte[] GithubRepo, byte[] Image, byte[] Discord, byte[] Description, byte[] Additional)
{
    /// <summary><c>is_valid_identity</c>: per-field limits and a total limit (github_repo not counted in the total).</summary>
    public bool IsValid()
    {
        var total = (long)Name.Length + Url.Length + Image.Length + Discord.Length + Description.Length + Additional.Length;
        return total <= 256 + 256 + 256 + 1024 + 256 + 1024 + 1024
            && Name.Length <= 256 && Url.Length <= 256 && GithubRepo.Length <= 256 && Image.Length <= 1024
            && Discord.Length <= 256 && Description.Length <= 1024 && Additional.Length <= 1024;
    }
}
