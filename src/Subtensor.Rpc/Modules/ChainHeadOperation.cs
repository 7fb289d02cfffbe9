namespace Subtensor.Rpc.Modules;

/// <summary>
/// A running <c>chainHead_v1_body/call/storage</c> operation: its id, the operation slots it holds, cancellation
/// (<c>stopOperation</c>, unfollow, disconnect) and the <c>operationWaitingForContinue</c> ↔ <c>continue</c> handshake.
/// </summary>
internal sealed class ChainHeadOperation : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly object _gate = new();
    private TaskCompletionSource? _continue;

    public ChainHeadOperation(string id, int slots, CancellationToken closed)
    {
        Id = id;
        Slots = slots;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(closed);
    }

    public string Id { get; }

    public int Slots { get; }

    public CancellationToken Token => _cancel.Token;

    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already finished
        }
    }

    /// <summary>Marks the operation as waiting; the returned task completes on <see cref="SubmitContinue"/>.</summary>
    public Task BeginWaitForContinue()
    {
        lock (_gate)
        {
            _continue = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _continue.Task.WaitAsync(Token);
        }
    }

    /// <summary><c>chainHead_v1_continue</c>: false when the operation is not waiting for it.</summary>
    public bool SubmitContinue()
    {
        lock (_gate)
        {
            if (_continue is null)
            {
                return false;
            }

            _continue.TrySetResult();
            _continue = null;
            return true;
        }
    }

    public void Dispose() => _cancel.Dispose();
}
