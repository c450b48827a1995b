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

/** A duration OpenRouter reports in milliseconds: `1,840 ms`. */
export function formatMilliseconds(value: number | null | undefined) {
  return value == null ? '-' : `${formatCount(value)} ms`;
}

/**
 * An endpoint's status in words. OpenRouter sends `0` for an endpoint that
 * serves normally and a negative number (`-1` to `-10`) for one it counts
 * as degraded; it does not document what each negative value means, so
 * the number is kept beside the word.
 */
export function formatEndpointStatus(status: number | null | undefined) {
  if (status == null) {
    return '-';
  }
  if (status === 0) {
    return 'ok';
  }
  return status < 0 ? `degraded (${status})` : `unknown (${status})`;
}

/** The line under a table of endpoints that explains STATUS. */
export const ENDPOINT_STATUS_LEGEND =
  "STATUS: ok is OpenRouter's status 0, an endpoint serving normally; degraded (n) is one of its negative statuses, for an endpoint it currently counts as degraded (the values are undocumented; see UPTIME).";

/** The line under a table of prices that explains them. */
export const PRICE_LEGEND =
  "Prices in USD per million tokens; free: no charge; varies: a router's price is that of the model it picks.";
