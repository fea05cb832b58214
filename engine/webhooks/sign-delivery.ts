import { createHmac } from 'node:crypto';

/**
 * The X-CRM-Signature header of a delivery, the Stripe convention: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">` under the webhook's signing secret. The timestamp inside the signed
 * text lets a receiver refuse a captured call sent again later.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}
