// OpenRouter's catalogue prices are per token, while its website, most
// dashboards and the `provider.max_price` request field use USD per million
// tokens. These helpers convert between the two and round away the binary
// noise that plain multiplication leaves (0.00000079 * 1e6 is 0.7899999999999999).

const SIGNIFICANT_DIGITS = 12;

/** USD per token → USD per million tokens, e.g. `0.0000025` → `2.5`. */
export function toPerMillionTokens(pricePerToken: number): number {
  return roundSignificant(pricePerToken * 1_000_000);
}

/** USD per million tokens → USD per token, e.g. `2.5` → `0.0000025`. */
export function fromPerMillionTokens(pricePerMillionTokens: number): number {
  return roundSignificant(pricePerMillionTokens / 1_000_000);
}

/** Rounds to 12 significant digits, far below a billable fraction of a cent. */
export function roundSignificant(value: number): number {
  return Number.isFinite(value)
    ? Number(value.toPrecision(SIGNIFICANT_DIGITS))
    : value;
}
