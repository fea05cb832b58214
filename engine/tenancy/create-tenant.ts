import { EngineError, ValidationError, type ErrorDetail } from '../errors/index.js';
import { ensureFirstAdmin } from './first-admin.js';
import { checkPasswordPolicy } from '../security/passwords.js';
import type { Platform } from './platform.js';
import { tenantNameProblem } from './tenant-name.js';
import { msg } from '../i18n/message.js';

/** What a platform operator sends to create a tenant. */
export interface NewTenant {
  name: string;
  /** The e-mail of the tenant's first administrator. */
  adminEmail: string;
  /** Their password; without it one is generated and returned once. */
  adminPassword?: string;
}

export interface CreatedTenant {
  name: string;
  admin: {
    id: string;
    email: string;
    /** Set only when the operator gave no password: shown this once, stored only as a hash. */
    generatedPassword?: string;
  };
}

const FIELDS = new Set(['name', 'adminEmail', 'adminPassword']);

/**
 * Creates a tenant and its first administrator. The input is checked whole before anything is
 * written; if the administrator cannot be created after all, the tenant is taken out of the
 * registry again, so a corrected request can create it.
 */
export async function createTenant(platform: Platform, input: unknown): Promise<CreatedTenant> {
  const wanted = parseNewTenant(input);
  const tenant = await platform.registerTenant(wanted.name);
  try {
    const admin = await ensureFirstAdmin(tenant, { email: wanted.adminEmail, ...(wanted.adminPassword === undefined ? {} : { password: wanted.adminPassword }) });
    // A store left behind by an earlier failed attempt may already hold users: theirs, not ours to hand out.
    if (!admin) throw new EngineError('tenant_not_empty', 409, msg`The store of tenant '${wanted.name}' already holds users; it cannot be created anew.`);
    return { name: wanted.name, admin: { id: admin.userId, email: admin.email, ...(admin.generatedPassword ? { generatedPassword: admin.generatedPassword } : {}) } };
  } catch (error) {
    await platform.unregisterTenant(wanted.name);
    if (error instanceof ValidationError) throw new ValidationError(error.details.map((detail) => (detail.path === '/email' ? { ...detail, path: '/adminEmail' } : detail)));
    throw error;
  }
}

function parseNewTenant(input: unknown): NewTenant {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError([{ path: '', message: msg`must be an object: { "name", "adminEmail", "adminPassword"? }` }]);
  }
  const body = input as Record<string, unknown>;
  const problems: ErrorDetail[] = Object.keys(body)
    .filter((key) => !FIELDS.has(key))
    .map((key) => ({ path: `/${key}`, message: msg`is not a property of a new tenant (name, adminEmail, adminPassword)` }));
  const nameProblem = tenantNameProblem(body.name);
  if (nameProblem !== undefined) problems.push({ path: '/name', message: nameProblem });
  if (typeof body.adminEmail !== 'string' || body.adminEmail.trim() === '') problems.push({ path: '/adminEmail', message: msg`is required: the e-mail of the tenant's first administrator` });
  if (body.adminPassword !== undefined) {
    try {
      checkPasswordPolicy(body.adminPassword, '/adminPassword');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.details);
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return {
    name: body.name as string,
    // The user object keeps e-mails trimmed and in lower case; the answer shows the address as stored.
    adminEmail: (body.adminEmail as string).trim().toLowerCase(),
    ...(body.adminPassword === undefined ? {} : { adminPassword: body.adminPassword as string }),
  };
}
