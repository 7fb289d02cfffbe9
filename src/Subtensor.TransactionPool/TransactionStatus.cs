using System.Text.Json.Nodes;
using Subtensor.Core.Types;

namespace Subtensor.TransactionPool;

/// <summary>A watcher event, serialised exactly as <c>author_extrinsicUpdate</c> carries it.</summary>
public sealed record TransactionStatus(TransactionStatusKind Kind, Hash256? Block = null, IReadOnlyList<string>? Peers = null)
{
    public static readonly TransactionStatus Future = new(TransactionStatusKind.Future);
    public static readonly TransactionStatus Ready = new(TransactionStatusKind.Ready);
    public static readonly TransactionStatus Dropped = new(TransactionStatusKind.Dropped);
    public static readonly TransactionStatus Invalid = new(TransactionStatusKind.Invalid);

    /// <summary>True for the statuses after which no further event follows.</summary>
    public bool IsFinal => Kind is TransactionStatusKind.Finalized or TransactionStatusKind.Usurped or TransactionStatusKind.Dropped
        or TransactionStatusKind.Invalid or TransactionStatusKind.FinalityTimeout;

    public JsonNode ToJson() => Kind switch
    {
        TransactionStatusKind.Future => JsonValue.Create("future"),
        TransactionStatusKind.Ready => JsonValue.Create("ready"),
        TransactionStatusKind.Dropped => JsonValue.Create("dropped"),
        TransactionStatusKind.Invalid => JsonValue.Create("invalid"),
        TransactionStatusKind.Broadcast => new JsonObject { ["broadcast"] = new JsonArray((Peers ?? []).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()) },
        TransactionStatusKind.InBlock => new JsonObject { ["inBlock"] = Block!.Value.ToString() },
        TransactionStatusKind.Retracted => new JsonObject { ["retracted"] = Block!.Value.ToString() },
        TransactionStatusKind.FinalityTimeout => new JsonObject { ["finalityTimeout"] = Block!.Value.ToString() },
        TransactionStatusKind.Finalized => new JsonObject { ["finalized"] = Block!.Value.ToString() },
        TransactionStatusKind.Usurped => new JsonObject { ["usurped"] = Block!.Value.ToString() },
        _ => throw new InvalidOperationException($"unknown status {Kind}"),
    };
}
