using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serilog;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.TransactionPool;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// <c>author_*</c> (sc-rpc <c>author</c>): transaction submission (plain and watched) through the pool, the pool's
/// pending list and removal, and the keystore methods. Errors carry Substrate's author codes (base 1000): 1001 bad
/// format, 1002 verification error, 1010–1021 pool errors with their messages and data, 1040 other.
/// </summary>
public sealed class AuthorRpc
{
    private static readonly ILogger Log = Serilog.Log.ForContext<AuthorRpc>();
    private readonly RpcServices _services;
    private readonly StateAccess _state;

    public AuthorRpc(RpcServices services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _state = new StateAccess(services.Client);
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("author_submitExtrinsic", RpcJson.Sync(p => RpcJson.Hash(Submit(p.RequiredBytes(0, "extrinsic")))));
        registry.AddSubscription("author_submitAndWatchExtrinsic", "author_unwatchExtrinsic", "author_extrinsicUpdate",
            (p, sink, _) => ValueTask.FromResult(SubmitAndWatch(p.RequiredBytes(0, "bytes"), sink)));
        registry.Add("author_pendingExtrinsics", RpcJson.Sync(_ => RpcJson.HexArray(_services.Pool.ReadyTransactions().Select(t => t.Bytes))));
        registry.Add("author_removeExtrinsic", RpcJson.Sync(p => RemoveExtrinsic(p.Raw(0, "bytes_or_hash"))), isUnsafe: true);
        registry.Add("author_insertKey", RpcJson.Sync(p =>
        {
            InsertKey(p.RequiredString(0, "key_type"), p.RequiredString(1, "suri"), p.RequiredBytes(2, "public"));
            return null;
        }), isUnsafe: true);
        registry.Add("author_rotateKeys", RpcJson.Sync(_ => RpcJson.Hex(RotateKeys())), isUnsafe: true);
        registry.Add("author_hasSessionKeys", RpcJson.Sync(p => HasSessionKeys(p.RequiredBytes(0, "session_keys"))), isUnsafe: true);
        registry.Add("author_hasKey", RpcJson.Sync(p =>
        {
            var publicKey = p.RequiredBytes(0, "public_key");
            var keyType = KeyType(p.RequiredString(1, "key_type"));
            return _services.Keystore.Has(keyType, publicKey);
        }), isUnsafe: true);
    }

    /// <summary>
    /// The one extrinsic at the start of <paramref name="raw"/> as the node's opaque extrinsic type decodes it (a SCALE
    /// <c>Vec&lt;u8&gt;</c>; trailing bytes are ignored like <c>Decode::decode</c> does), length prefix included.
    /// </summary>
    internal static byte[] DecodeOpaque(byte[] raw)
    {
        var reader = new ScaleReader(raw);
        var length = reader.ReadCompactU32();
        if (length > reader.Remaining)
        {
            throw new ScaleDecodeException("Not enough data to fill buffer", reader.Position);
        }

        return raw[..(reader.Position + (int)length)];
    }

    /// <summary><c>author_submitExtrinsic</c>: into the pool at the best block, then gossiped; returns the transaction hash.</summary>
    public Hash256 Submit(byte[] raw)
    {
        byte[] extrinsic;
        try
        {
            extrinsic = DecodeOpaque(raw);
        }
        catch (ScaleDecodeException e)
        {
            // sc-rpc's submit_extrinsic reports an undecodable extrinsic as a client error.
            throw new RpcException(RpcErrorCodes.AuthorOther, "Client error: " + e.Reason);
        }

        var hash = Guard(() => _services.Pool.Submit(extrinsic, TransactionSource.External));
        _services.Node.BroadcastTransaction(extrinsic);
        return hash;
    }

    private IDisposable SubmitAndWatch(byte[] raw, IRpcSubscriptionSink sink)
    {
        byte[] extrinsic;
        try
        {
            extrinsic = DecodeOpaque(raw);
        }
        catch (ScaleDecodeException e)
        {
            throw new RpcException(RpcErrorCodes.AuthorBadFormat, "Extrinsic has invalid format: " + e.Reason);
        }

        var watcher = Guard(() => _services.Pool.SubmitAndWatch(extrinsic, TransactionSource.External));
        _services.Node.BroadcastTransaction(extrinsic);
        return new WatchSubscription(watcher, sink, status => status.ToJson());
    }

    /// <summary>Runs a pool call, mapping its refusal to Substrate's author error.</summary>
    internal static T Guard<T>(Func<T> submit)
    {
        try
        {
            return submit();
        }
        catch (TransactionPoolException e)
        {
            throw PoolError(e);
        }
        catch (Exception e) when (StateAccess.IsClientError(e))
        {
            // A failure of the runtime or the state while validating: Substrate's VERIFICATION_ERROR.
            throw new RpcException(RpcErrorCodes.AuthorVerificationError, "Verification Error: Runtime error: " + e.Message, JsonValue.Create(e.Message));
        }
    }

    /// <summary>The pool's refusal as sc-rpc-api reports it: the kind is the code, the detail the <c>data</c>.</summary>
    public static RpcException PoolError(TransactionPoolException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new RpcException((int)e.Kind, e.Message, e.Detail is null ? null : JsonValue.Create(e.Detail));
    }

    private JsonArray RemoveExtrinsic(JsonNode? param)
    {
        if (param is not JsonArray items)
        {
            throw RpcException.InvalidParams("parameter 'bytes_or_hash' must be an array of {\"hash\": …} or {\"extrinsic\": …}");
        }

        var hashes = new List<Hash256>();
        foreach (var item in items)
        {
            if (item is JsonObject { Count: 1 } obj && obj["hash"] is { } h && h.GetValueKind() == JsonValueKind.String && Hex.TryParse(h.GetValue<string>(), out var hb) && hb.Length == Hash256.Length)
            {
                hashes.Add(new Hash256(hb));
            }
            else if (item is JsonObject { Count: 1 } x && x["extrinsic"] is { } e && e.GetValueKind() == JsonValueKind.String && Hex.TryParse(e.GetValue<string>(), out var xb))
            {
                try
                {
                    hashes.Add(Hash256.Blake2(DecodeOpaque(xb)));
                }
                catch (ScaleDecodeException ex)
                {
                    throw new RpcException(RpcErrorCodes.AuthorBadFormat, "Extrinsic has invalid format: " + ex.Reason);
                }
            }
            else
            {
                throw RpcException.InvalidParams("parameter 'bytes_or_hash' must be an array of {\"hash\": …} or {\"extrinsic\": …}");
            }
        }

        return new JsonArray(_services.Pool.Remove(hashes).Select(h => (JsonNode?)RpcJson.Hash(h)).ToArray());
    }

    private void InsertKey(string keyType, string suri, byte[] publicKey)
    {
        keyType = KeyType(keyType);
        try
        {
            _services.Keystore.Insert(keyType, suri, publicKey);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or FormatException)
        {
            Log.Warning("author_insertKey refused: {Reason}", e.Message);
            throw new RpcException(RpcErrorCodes.AuthorOther, "The key store is unavailable");
        }
    }

    /// <summary>A key type id must be exactly four bytes (sp-core <c>KeyTypeId::try_from(&amp;str)</c>).</summary>
    private static string KeyType(string keyType)
        => Encoding.UTF8.GetByteCount(keyType) == 4 && keyType.All(char.IsAscii)
            ? keyType
            : throw new RpcException(RpcErrorCodes.AuthorOther, "Invalid key type ID format (should be of length four)");

    /// <summary>The runtime's <c>SessionKeys_generate_session_keys(None)</c> at the best block, with the node's keystore.</summary>
    private byte[] RotateKeys()
    {
        var apis = _services.Client.Runtime.Apis;
        apis.Keystore ??= _services.Keystore;
        try
        {
            var raw = _services.Client.Call(_services.Client.Best.Hash, "SessionKeys_generate_session_keys", [0]);
            return ScaleCodec.Decode(raw, (ref ScaleReader r) => r.ReadByteVec());
        }
        catch (Exception e) when (StateAccess.IsClientError(e))
        {
            throw new RpcException(RpcErrorCodes.AuthorOther, "Client error: " + e.Message);
        }
    }

    private bool HasSessionKeys(byte[] sessionKeys)
    {
        IReadOnlyList<(byte[] Key, string Type)>? keys;
        try
        {
            var args = new ScaleWriter(sessionKeys.Length + 5).WriteByteVec(sessionKeys).ToArray();
            var raw = _services.Client.Call(_services.Client.Best.Hash, "SessionKeys_decode_session_keys", args);
            keys = ScaleCodec.Decode(raw, (ref ScaleReader r) => r.ReadOption((ref ScaleReader o) =>
                (IReadOnlyList<(byte[], string)>)o.ReadVec((ref ScaleReader x) => (x.ReadByteVec(), Encoding.ASCII.GetString(x.ReadBytes(4))), 5)));
        }
        catch (Exception e) when (StateAccess.IsClientError(e))
        {
            throw new RpcException(RpcErrorCodes.AuthorOther, "Client error: " + e.Message);
        }

        if (keys is null)
        {
            throw new RpcException(RpcErrorCodes.AuthorOther, "Session keys are not encoded correctly");
        }

        return keys.All(k => _services.Keystore.Has(k.Type, k.Key));
    }
}
