import { generateSecret, generateURI, verify, generate } from 'otplib';

/** A new base32 TOTP secret and its otpauth:// URI for an authenticator app. */
export function newTotp(email: string): { secret: string; uri: string } {
  const secret = generateSecret();
  return { secret, uri: generateURI({ issuer: 'Mesochart', label: email, secret }) };
}

/** Checks a 6-digit code, accepting one 30-second step of clock drift either way. */
export async function checkTotp(secret: string, token: string): Promise<boolean> {
  if (!/^\d{6}$/.test(token)) return false;
  try {
    const result = await verify({ secret, token, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}

/** The current code for a secret (tests and the CLI use it). */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}
