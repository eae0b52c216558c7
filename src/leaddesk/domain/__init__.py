"""Pure-Python rules of the product: identities, channels, stages. No Qt, no SQL."""
