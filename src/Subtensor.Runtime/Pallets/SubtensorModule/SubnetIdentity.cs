namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary><c>pallet_subtensor::pallet::SubnetIdentityV3</c>.</summary>
public sealed record SubnetIdentity(
    byte[] SubnetName, byte[] GithubRepo, byte[] SubnetContact, byte[] SubnetUrl, byte[] Discord, byte[] Description, byte[] LogoUrl, byte[] Additional)
{
    /// <summary><c>is_valid_subnet_identity</c>: per-field limits; the total counts name, repo and contact only.</summary>
    public bool IsValid()
    {
        var total = (long)SubnetName.Length + GithubRepo.Length + SubnetContact.Length;
        return total <= 256 + 1024 + 1024 + 1024 + 256 + 1024 + 1024 + 1024
            && SubnetName.Length <= 256 && GithubRepo.Length <= 1024 && SubnetContact.Length <= 1024 && SubnetUrl.Length <= 1024
            && Discord.Length <= 256 && Description.Length <= 1024 && LogoUrl.Length <= 1024 && Additional.Length <= 1024;
    }
}
