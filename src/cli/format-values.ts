import { toPerMillionTokens } from '../api/price-units';

/** A per-token price as USD per million tokens: `free`, `varies` or `2.50`. */
export function formatPricePerMillion(pricePerToken: number | undefined) {
  if (pricePerToken == null) {
    return '-';
  }
  if (pricePerToken < 0) {
    // OpenRouter's -1: a router whose price is that of the model it picks.
    return 'varies';
  }
  if (pricePerToken === 0) {
    return 'free';
  }
  // Whole cents read like prices (0.60, 15.00); finer ones keep their digits.
  const perMillion = toPerMillionTokens(pricePerToken);
  const cents = perMillion * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-9
    ? perMillion.toFixed(2)
    : String(perMillion);
}

/** USD with cents, or more decimals for amounts below a cent. */
export function formatUsd(value: number | null | undefined) {
  if (value == null) {
    return '-';
  }
  if (value !== 0 && Math.abs(value) < 0.01) {
    return `$${Number(value.toPrecision(6))}`;
  }
  return `$${value.toFixed(2)}`;
}

/** A count with thousands separators: `1,048,576`. */
export function formatCount(value: number | null | undefined) {
  return value == null ? '-' : value.toLocaleString('en-US');
}

export function formatBoolean(value: boolean | null | undefined) {
  return value == null ? '-' : value ? 'yes' : 'no';
}

export function formatText(value: string | number | null | undefined) {
  return value == null || value === '' ? '-' : String(value);
}

/** A Unix timestamp in seconds as a UTC day. */
export function formatUnixDay(seconds: number | null | undefined) {
  return seconds == null
    ? '-'
    : new Date(seconds * 1000).toISOString().slice(0, 10);
}
