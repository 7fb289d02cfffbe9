using Subtensor.Economics.Epoch;

namespace Subtensor.Economics.Tests.Epoch;

/// <summary>
/// The storage a Subtensor test touches between epochs (weights, last update, permits, bonds), replayed through
/// <see cref="YumaEpoch.Run"/>: each run's permits and bonds are written back as <c>persist_*_epoch_terms</c> does.
/// </summary>
internal sealed class SubnetEpochSimulation
{
    private readonly (ushort Uid, ushort Weight)[][] _weights;
    private (ushort Uid, ushort Bond)[][] _bonds;

    public SubnetEpochSimulation(int n, ulong[] alphaStake, ulong registrationBlock)
    {
        N = n;
        AlphaStake = alphaStake;
        BlockAtRegistration = Enumerable.Repeat(registrationBlock, n).ToArray();
        LastUpdate = Enumerable.Repeat(registrationBlock, n).ToArray();
        ValidatorPermit = new bool[n];
        _weights = Enumerable.Range(0, n).Select(_ => Array.Empty<(ushort, ushort)>()).ToArray();
        _bonds = Enumerable.Range(0, n).Select(_ => Array.Empty<(ushort, ushort)>()).ToArray();
        Block = registrationBlock;
    }

    public int N { get; }

    public ulong Block { get; set; }

    public ulong[] AlphaStake { get; }

    public ulong[] BlockAtRegistration { get; }

    public ulong[] LastUpdate { get; }

    public bool[] ValidatorPermit { get; private set; }

    public Func<EpochInput, EpochInput> Configure { get; init; } = i => i;

    /// <summary><c>set_weights</c>: stored max-upscaled; <c>LastUpdate</c> = current block.</summary>
    public void SetWeights(int uid, ushort[] destinations, ushort[] values)
    {
        var upscaled = VectorMath.U16MaxUpscaleToU16(values);
        _weights[uid] = destinations.Zip(upscaled).ToArray();
        LastUpdate[uid] = Block;
    }

    public (ushort Uid, ushort Bond)[] BondsOf(int uid) => _bonds[uid];

    public ushort Bond(int i, int j) => _bonds[i].Where(e => e.Uid == j).Select(e => e.Bond).FirstOrDefault();

    public EpochOutput RunEpoch(ulong emission)
    {
        var input = Configure(new EpochInput
        {
            SubnetworkN = N,
            CurrentBlock = Block,
            Tempo = 1,
            LastUpdate = (ulong[])LastUpdate.Clone(),
            BlockAtRegistration = BlockAtRegistration,
            AlphaStake = AlphaStake,
            TaoWeight = 0,
            ValidatorPermit = ValidatorPermit,
            MaxAllowedValidators = (ushort)N,
            Weights = _weights,
            Bonds = _bonds,
            RaoEmission = emission,
        });
        var output = YumaEpoch.Run(input);
        ValidatorPermit = output.NewValidatorPermit;
        _bonds = output.Bonds;
        return output;
    }
}
