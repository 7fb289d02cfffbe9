// Submitting signed extrinsics from conformance scenarios and reading their outcome.

/** `section.Name` of a dispatch error (module errors through the metadata), or its variant (BadOrigin, …). */
export function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.type;
}

/** Signs and sends; resolves once in a block with { blockHash, events, error } (error null on success). */
export function submitInBlock(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isInBlock) {
        unsub?.();
        resolve({ blockHash: status.asInBlock.toHex(), events, error: dispatchError ? describeError(api, dispatchError) : null });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub?.();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }).catch(reject);
  });
}
